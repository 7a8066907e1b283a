class ImportRejected(ValueError):
    """A file that cannot become a trial record; the message tells a person what to do about it."""
