"""Head-and-neck subsites of a trial, from its conditions (or, when they name none, its titles).
The vocabulary is vocab/subsites.tsv."""
import re
from functools import cache

from trials.importer.vocab import load_tsv

UNSPECIFIED = "unspecified"


@cache
def rules():
    compiled = []
    for row in load_tsv("subsites.tsv"):
        flags = 0 if row["flags"] == "case" else re.IGNORECASE
        compiled.append((row["code"], row["kind"], re.compile(row["pattern"], flags)))
    return compiled


def codes_in(texts):
    found = []
    for text in texts:
        for _, kind, pattern in rules():
            if kind == "exclude":
                text = pattern.sub(" ", text)
        for code, kind, pattern in rules():
            if kind == "include" and pattern.search(text) and code not in found:
                found.append(code)
    return found


def subsites_for(conditions, *titles):
    """Subsite codes in vocabulary order, or ['unspecified'] when none is named."""
    found = codes_in(conditions) or codes_in([t for t in titles if t])
    order = list(dict.fromkeys(code for code, kind, _ in rules() if kind == "include"))
    return sorted(found, key=order.index) if found else [UNSPECIFIED]
