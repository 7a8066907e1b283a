"""Loaders for the vocabulary data files beside this module."""
import csv
import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def load_json(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


@cache
def load_tsv(name):
    """Rows of a tab-separated file with a header line; lines starting with # are comments."""
    lines = [line for line in (HERE / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def load_words(name):
    """Lines of a word list, without comments and blanks."""
    return tuple(line.strip() for line in (HERE / name).read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))
