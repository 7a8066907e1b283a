"""Reading a page's lines: headings and their sections, labelled values, pipe tables."""
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from trials.importer.vocab import load_json

# Also glued to its label ('NumberNCT…', 'Trial IDNCT…'): upper-case NCT and eight digits are an ID whatever precedes.
NCT_ID = re.compile(r"(?:\b|(?-i:(?<=[A-Za-z])(?=NCT\d)))NCT\d{8}\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣]\s+)")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def without_sentences_naming(text, ids):
    """text without the sentences that name one of ids: what they say is about that other trial."""
    ids = {i.upper() for i in ids}
    if not ids:
        return text
    return "\n".join(s for s in SENTENCE.split(text) if not ids & {i.upper() for i in NCT_ID.findall(s)})


HEADING_COUNT = re.compile(r"\s*\((?:showing\s+)?\d+(?:\s+of\s+\d+)?(?:\s+[a-z]+)?\)$")


@lru_cache(maxsize=1 << 16)
def key(line):
    """A line as a heading key: lower-case, single spaces, without a trailing colon or a count of what
    follows ('Locations (showing 6 of 212)', 'Locations(2)', 'Where (showing 6 of 130 locations)')."""
    return HEADING_COUNT.sub("", " ".join(line.casefold().split()).rstrip(":").strip())


@dataclass(frozen=True)
class Label:
    """A label and the value it introduces on one line, or on the next one when the line holds the label alone."""
    field: str | None
    text: str
    pattern: re.Pattern


GLUED = {None: "", "upper": "|(?-i:(?=[A-Z0-9]))", "any": "|"}


def label_pattern(label, glued=None, strict=False):
    """glued: None when a separator must follow the label, "upper" when a capital or digit may follow it
    directly ('PhasePHASE2'), "any" when anything may ('Drugs / interventionschemotherapy').
    strict: only a colon or a pipe separates label and value ('Intervention Model' is no 'Intervention')."""
    text = re.escape(label).replace(r"\ ", r"\s+")
    if strict:  # glued, only straight onto a capital: 'SponsorShanghai…', 'ConditionsOral…'; or a facts box's wide gap
        separator = r"(?:\s*[:|]\s*|[ \t]{3,}(?=\S)" + ("|(?-i:(?<=[a-z)])(?=[A-Z]))" if glued else "") + ")"
    else:
        separator = r"(?:\s*[:|]\s*|\s+" + GLUED[glued] + ")"
    text += r"(?:\s*\[\d{1,3}\])?"  # 'Country [1]': the index of a repeated entry
    return re.compile(rf"^\s*\|?\s*(?:[-*•]\s+)?{text}{separator}(?P<value>.*)$|^\s*\|?\s*{text}\s*[:|]?\s*$",
                      re.IGNORECASE)


LINE_START = re.compile(r"\s*\|?\s*(\S)")
AFTER_BULLET = re.compile(r"\s+(\S)")


class LabelIndex:
    """Labels by the lower-case first letter of their text, to try on a line only those that can match it
    (a label pattern allows space, a pipe and a bullet before the label). Labels that open with other than
    an ASCII letter or digit, and lines that do, are tried against every label."""

    def __init__(self, labels):
        self.labels = list(labels)
        self.keys = frozenset(key(label.text) for label in self.labels)
        self.by_letter, self.others = {}, []
        for label in self.labels:
            first = label.text[:1].lower()
            if first.isascii() and first.isalnum():
                self.by_letter.setdefault(first, []).append(label)
            else:
                self.others.append(label)

    def candidates(self, line):
        """The labels that may match line, in their order."""
        start = LINE_START.match(line)
        if not start:
            return self.labels
        letters = [start.group(1)]
        if letters[0] in "-*•":
            after = AFTER_BULLET.match(line, start.end())
            letters += [after.group(1)] if after else []
        letters = [letter.lower() for letter in letters]
        if not all(letter.isascii() and letter.isalnum() for letter in letters[-1:]):
            return self.labels
        if not self.others and len(letters) == 1:
            return self.by_letter.get(letters[0], [])
        wanted = {id(label) for letter in letters for label in self.by_letter.get(letter, [])}
        return [label for label in self.labels if id(label) in wanted or label in self.others]

    def match(self, line):
        """The first label whose pattern matches line, or None."""
        return next((label for label in self.candidates(line) if label.pattern.match(line)), None)


SEGMENT_GAP = re.compile(r"\s{2,}|\t")
SEGMENT_LABEL = re.compile(r"^[A-Z][\w /()'-]{1,40}:\s*\S")


def segments(line):
    """'Min age: 18  Max age: 65': pieces of a line that holds several 'Label: value' pairs, apart at wide
    gaps; the line itself otherwise."""
    pieces = SEGMENT_GAP.split(line.strip())
    if len(pieces) > 1 and all(SEGMENT_LABEL.match(piece) for piece in pieces):
        return pieces
    return [line]


@cache
def qualifiers():
    data = load_json("label_qualifiers.json")
    return frozenset(data["preferred"]), frozenset(data["other"])


class Page:
    def __init__(self, text):
        self.text = text
        self.lines = text.split("\n")

    @cached_property
    def keys(self):
        return [key(line) for line in self.lines]

    def next_filled(self, index):
        """Index of the next non-blank line after index, or None."""
        for i in range(index + 1, len(self.lines)):
            if self.lines[i].strip():
                return i
        return None

    def heading_indexes(self, headings):
        wanted = {key(h) for h in headings}
        return [i for i, k in enumerate(self.keys) if k in wanted]

    def section(self, headings, all_headings, *, until_blank=False, blurb=False):
        """Lines under each of headings, up to the next line that is any of all_headings; None when
        the page has none of the headings."""
        found = self.heading_indexes(headings)
        if not found:
            return None
        stop = {key(h) for h in all_headings}
        lines = []
        for start in found:
            part = []
            for i in range(start + 1, len(self.lines)):
                if self.keys[i] in stop:
                    break
                if until_blank and not self.lines[i].strip() and any(line.strip() for line in part):
                    break
                part.append(self.lines[i])
            lines.extend(drop_first_filled(part) if blurb else part)
        return lines

    def spans(self, headings, all_headings):
        """(start, end) line ranges of every section under one of headings."""
        stop = {key(h) for h in all_headings}
        result = []
        for start in self.heading_indexes(headings):
            end = start + 1
            while end < len(self.lines) and self.keys[end] not in stop:
                end += 1
            result.append((start, end))
        return result

    def labelled(self, labels, *, next_line=True, skip=frozenset()):
        """(field, value, line index) for each line that starts with one of labels (a LabelIndex; the
        first that fits). A value that is itself a label ('Lead Sponsor | Collaborator'), or ends in a colon as
        labels do, is no value. A line of several 'Label: value' pairs gives each."""
        found = []
        for index, whole in enumerate(self.lines):
            if index in skip or not whole.strip() or is_table_row(whole):
                continue
            for line in segments(whole):
                cell = first_cell(line)
                for label in labels.candidates(line):
                    match = label.pattern.match(line)
                    if not match or (cell and key(label.text) != cell):
                        continue
                    value = (match.group("value") or "").strip().strip("|").strip()
                    values = [value]
                    if not value and next_line:
                        values = self.values_below(index, labels)
                    for value in values:
                        if value and label.field and key(value) not in labels.keys and not value.endswith(":"):
                            found.append((label.field, value, index))
                    break
        return found

    def values_below(self, index, labels):
        """The value on the line below a label alone; after a qualifier line ('Target', 'Actual'), the
        qualified values, the preferred ('Actual') first."""
        following = self.next_filled(index)
        if following is None or is_label(self.lines[following], labels):
            return []
        value = self.lines[following].strip().strip("|").strip()
        preferred, other = qualifiers()
        if key(value) not in preferred | other:
            return [value]
        ranked, line = [], following
        while line is not None and self.keys[line] in preferred | other:
            below = self.next_filled(line)
            if below is None or self.keys[below] in preferred | other or is_label(self.lines[below], labels):
                line = below
                continue
            ranked.append((self.keys[line] not in preferred, self.lines[below].strip()))
            line = self.next_filled(below)
        return [value for _, value in sorted(ranked, key=lambda pair: pair[0])]


def is_table_row(line):
    """A pipe row of three or more filled cells belongs to a table, not to a 'Label | value' pair."""
    return line.count("|") >= 2 and sum(1 for cell in line.split("|") if cell.strip()) >= 3


def first_cell(line):
    """The label cell's key of a 'Label | Value' row, or None: a label must fill that cell ('Type' is not
    the label of 'Type of Trial | Interventional')."""
    cells = [cell for cell in (pipe_cells(line) or []) if cell]
    return key(cells[0]) if len(cells) in (2, 4) and ":" not in cells[0] else None


def is_label(line, labels):
    return labels.match(line) is not None


def drop_first_filled(lines):
    for i, line in enumerate(lines):
        if line.strip():
            return lines[i + 1:]
    return lines


def pipe_cells(line):
    if "|" not in line:
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return cells


def pipe_tables(page):
    """Tables written with pipes: lists of rows (lists of cells), separator rows dropped."""
    tables, current = [], []
    for line in page.lines:
        cells = pipe_cells(line) if line.count("|") >= 1 and line.strip() not in ("|",) else None
        if cells is None:
            if current:
                tables.append(current)
            current = []
            continue
        if all(re.fullmatch(r":?-{2,}:?", cell) or not cell for cell in cells) and any(cells):
            if len(current) > 1:  # the row above a separator is the header of a new table
                tables.append(current[:-1])
                current = current[-1:]
            continue
        current.append(cells)
    if current:
        tables.append(current)
    return tables


def paragraphs(lines):
    text = "\n".join(line.strip() for line in lines)
    return [p.replace("\n", " ").strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
