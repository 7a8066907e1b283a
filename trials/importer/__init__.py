"""The trial page importer's parser: raw bytes of one copied page in, one trial record out.

    from trials.importer import parse, ImportRejected, MAX_BYTES
    record = parse(raw, "page.txt")

Pure Python: no Django, no database. See pipeline.py for the stages."""
from trials.importer.decode import MAX_BYTES
from trials.importer.errors import ImportRejected
from trials.importer.pipeline import parse

__all__ = ["parse", "ImportRejected", "MAX_BYTES"]
