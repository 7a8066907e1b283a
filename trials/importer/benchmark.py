"""How fast the parser runs: files per second, parsing only (files are read into memory first)."""
import time
from pathlib import Path

from trials.importer import ImportRejected, parse


def parse_rate(paths, repeat=1):
    pages = [(Path(path).name, Path(path).read_bytes()) for path in paths]
    if not pages or repeat < 1:
        return 0.0
    started = time.perf_counter()
    for _ in range(repeat):
        for name, raw in pages:
            try:
                parse(raw, name)
            except ImportRejected:
                pass
    return len(pages) * repeat / (time.perf_counter() - started)
