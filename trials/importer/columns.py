"""Pages whose copy interleaved two columns: a sidebar ('Latest news', 'Key figures') printed beside the
trial's text, line by line, at a fixed column. The right column is lifted out and set at the end of the
page, so each reads as it was written and a sidebar's headings ('Newsletter') close no part of the trial's
text. A facts box ('Phase        III') is no second column: its left side holds
short labels, not text running up to the gap."""
import re
from collections import Counter

GAP_END = re.compile(r"(?: {3,}|^ {3,})(?=\S)")
MIN_COLUMN = 40  # a sidebar starts well to the right
MIN_LINES = 5  # lines split at the same column before it counts as one
SLACK = 2  # a copy may shift the right column by a character or two


def unweave(text):
    """(text, whether two columns were set apart)."""
    lines = text.split("\n")
    column = sidebar_column(lines)
    if column is None:
        return text, False
    laid_out = [i for i, line in enumerate(lines) if split_point(line, column) or padded(line, column)]
    first, last = laid_out[0], laid_out[-1]
    left, right = [], []
    for line in lines[first:last + 1]:
        at = split_point(line, column)
        left.append(line[:at].rstrip() if at else line.rstrip())
        right.append(line[at:].strip() if at else "")
    return "\n".join(lines[:first] + left + lines[last + 1:] + [""] + right), True


def padded(line, column):
    """A left-column line padded with spaces up to the gap: its right side is empty."""
    return len(line) >= column - SLACK and line.endswith("  ")


def split_point(line, column):
    """Where the right column starts on this line (a word after a wide gap near column), or None."""
    for match in GAP_END.finditer(line, 0, column + SLACK + 1):
        if abs(match.end() - column) <= SLACK:
            return match.end()
    return None


def sidebar_column(lines):
    """The column where a second text starts on many lines, when the text left of it runs long."""
    ends = Counter(m.end() for line in lines for m in GAP_END.finditer(line) if m.end() >= MIN_COLUMN)
    if not ends:
        return None
    column, count = ends.most_common(1)[0]
    if count < MIN_LINES:
        return None
    widths = [len(line[:column].rstrip()) for line in lines if split_point(line, column) and line[:column].strip()]
    long_left = sum(width >= column / 2 for width in widths)
    return column if widths and long_left * 2 >= len(widths) else None
