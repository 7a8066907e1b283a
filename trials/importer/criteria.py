"""Eligibility text to top-level inclusion and exclusion items.

Items are read from lines that start with a bullet or number, or from one line where the items are
run together ('Inclusion Criteria: * a * b Exclusion Criteria: * c'). Sub-items stay in their parent's
text. A list whose numbering skips or does not start at 1, or whose bullets form an ever deeper
staircase, has lost its structure in the copy: its items are left out with a warning, since a count
read from it would be wrong."""
import re
from dataclasses import dataclass, field

from trials.importer.vocab import load_json

def plain_headings(kind):
    """The plain-language headings of one kind ('Who can take part') as a pattern of alternatives."""
    phrases = load_json("eligibility_headings.json")[kind]
    return "|".join(r"\s+".join(re.escape(word).replace("'", "['’]") for word in phrase.split()) for phrase in phrases)


def words(name):
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in load_json("eligibility_headings.json")[name])


JOIN = rf"\b(?:{words('verbs')})\b"
HEADING_SHAPE = (rf"who\b[^\n.:?]{{0,40}}?{JOIN}[^\n.:?]{{0,30}}?"  # 'Who may not join', 'Who can participate?'
                 rf"|(?:you|people|patients)\b[^\n.:?]{{0,40}}?{JOIN}[^\n.:?]{{0,40}}?\bif(?:\s+you)?"
                 r"(?:\s+(?:all|any)\s+of\s+(?:the\s+following|these)\s+apply)?")  # 'You might qualify if:'
NEGATION = re.compile(rf"\b(?:{words('negations')})(?![\w'’])", re.IGNORECASE)
MARKER = re.compile(
    r"(?:(?<=[\s.;:|])|^)(?<!/ )(?<!and )(?:(?:key|main|principal|major)\s+)?(?P<kind>non-inclusion|inclusion|exclusion)\s+criteria\b"
    r"(?:\s*\([^)\n]{0,80}\))?(?:\s*:|[ \t]*$|(?=\s+(?:[-*•·]\s|\d{1,2}[.)]\s|[①-⑳])))"
    rf"|^[ \t]*(?:[^\w\s]+[ \t]*)?(?:(?P<plain_inclusion>{plain_headings('INCLUSION')})|(?P<plain_exclusion>{plain_headings('EXCLUSION')})"
    rf"|(?P<plain_shape>{HEADING_SHAPE}))"
    r"[ \t]*(?:[.:][ \t]*you\b)?[ \t]*[:?]?[ \t]*(?:/[^\n]*)?$",
    re.IGNORECASE | re.MULTILINE,
)
END = re.compile(
    r"(?:(?<=\s)|^)(?:criteria for (?:terminating|termination|stopping|withdrawal|discontinuation)\b[^\n:]{0,40}?"
    r"(?=\s[-*•\d])|(?:withdrawal|discontinuation|termination|removal) criteria\b)\s*:?",
    re.IGNORECASE,
)
ROMAN = "[ivxl]{1,5}"
ROMAN_MARK = re.compile(rf"\(?{ROMAN}[.)]")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ITEM_LINE = re.compile(
    rf"^(?P<indent>\s*)(?P<mark>[-*•·▪◦‣o✔✓✘✗](?=\s)|\d{{1,2}}[.)](?=\s)|\d{{1,2}}\.(?=[A-Z(])|\(\d{{1,2}}\)|[{CIRCLED}]|[a-z][.)](?=\s)|{ROMAN}[.)](?=\s)|\({ROMAN}\)|\([a-z]\))\s*(?P<text>.*)$"
)
SENTENCE_BREAK = re.compile(r"[a-z]{2}\.\s+[A-Z][a-z]+\s")
GLUED_NUMBER = "(?:(?<=\\s)|^){n}[.)]\\s"


@dataclass
class Criteria:
    items: list = field(default_factory=list)  # (kind, text)
    warnings: list = field(default_factory=list)


def split_criteria(text):
    result = Criteria()
    if not text:
        return result
    text = "\n".join(line.rstrip().rstrip("|").rstrip() for line in text.split("\n"))
    markers = [m for m in MARKER.finditer(text) if is_header(text, m)]
    if not markers:
        return result
    end = END.search(text, markers[0].end())
    stop = end.start() if end else len(text)
    markers = [m for m in markers if m.start() < stop]
    for marker, following in zip(markers, markers[1:] + [None]):
        kind = marker_kind(marker)
        part = text[marker.end():following.start() if following else stop]
        items, problem = split_items(part)
        if problem:
            result.warnings.append(f"{kind.title()} criteria skipped: {problem}.")
            continue
        result.items.extend((kind, item) for item in items)
    return result


def marker_kind(marker):
    """'Non-inclusion criteria' (as French registries say) are exclusion criteria; a heading known by its
    shape is an exclusion heading when it is negated."""
    if marker["kind"]:
        return "EXCLUSION" if marker["kind"].casefold() == "non-inclusion" else marker["kind"].upper()
    if marker["plain_shape"]:
        return "EXCLUSION" if NEGATION.search(marker["plain_shape"]) else "INCLUSION"
    return "INCLUSION" if marker["plain_inclusion"] else "EXCLUSION"


def is_header(text, marker):
    """'Inclusion Criteria' opens a list when it ends in a colon, starts a line or is capitalised;
    'not meeting the inclusion criteria' inside an item does not."""
    at_line_start = marker.start() == 0 or text[:marker.start()].rstrip(" \t").endswith("\n")
    return marker.group(0).rstrip().endswith(":") or at_line_start or marker.group(0)[0].isupper()


def split_items(part):
    """(items, problem): the top-level items of one criteria part, or a reason they cannot be trusted."""
    lines = [line for line in part.split("\n") if line.strip()]
    if not lines:
        return [], None
    if not part.startswith("\n"):  # the rest of the header's own line
        lines[0] = lines[0].strip()
    if len(lines) == 1:
        return split_glued(lines[0])
    return split_lines(lines)


def mark_class(mark, roman=False):
    """roman: the list counts i., ii., iii. (its first mark is 'i'), so those are not letters."""
    if roman and ROMAN_MARK.fullmatch(mark):
        return "roman"
    if mark[0].isdigit():
        return "number"
    if mark in CIRCLED:
        return "circled"
    if mark.startswith("(") and mark[1].isdigit():
        return "number"
    if len(mark) > 1 and len(mark.strip("().")) == 1 and mark.strip("().").isalpha():  # 'a.', 'b)', '(c)'
        return "letter"
    return "bullet"


def mark_number(mark):
    if mark in CIRCLED:
        return CIRCLED.index(mark) + 1
    if ROMAN_MARK.fullmatch(mark):
        return roman_value(mark.strip("().").casefold())
    digits = re.sub(r"\D", "", mark)
    return int(digits) if digits else None


def roman_value(numeral):
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    return sum(-values[a] if values.get(b, 0) > values[a] else values[a] for a, b in zip(numeral, numeral[1:] + " "))


def split_lines(lines):
    matches = [(line, ITEM_LINE.match(line)) for line in lines]
    marked = [m for _, m in matches if m]
    if not marked:
        return unmarked(" ".join(line.strip() for line in lines))
    roman = marked[0]["mark"].strip("().") == "i"
    top_indent, top_class = len(marked[0]["indent"]), mark_class(marked[0]["mark"], roman)
    if staircase([m for m in marked if mark_class(m["mark"], roman) == top_class]):
        return [], "each bullet is nested under the one before, so the list's structure was lost in the copy"
    items, numbers = [], []
    for line, match in matches:
        top = match and len(match["indent"]) <= top_indent and mark_class(match["mark"], roman) == top_class
        if top:
            items.append([match["text"].strip()])
            numbers.append(mark_number(match["mark"]))
        elif items:
            items[-1].append(line.strip())
    if top_class in ("number", "circled", "roman") and numbers != list(range(1, len(numbers) + 1)):
        return [], f"the items are numbered {describe(numbers)}, so some are missing from the copy"
    return ["\n".join(part for part in item if part) for item in items if any(item)], None


def unmarked(text):
    """An unmarked part is one criterion, unless it is prose of several sentences ('Patients are invited by
    their doctor. You cannot apply yourself.'): that describes how people join and lists no criteria."""
    if SENTENCE_BREAK.search(text):
        return [], None
    return [text], None


def staircase(marked):
    run = 1
    for before, after in zip(marked, marked[1:]):
        run = run + 1 if len(after["indent"]) > len(before["indent"]) else 1
        if run >= 3:
            return True
    return False


def describe(numbers):
    shown = ", ".join(str(n) for n in numbers[:6])
    return shown + (", …" if len(numbers) > 6 else "")


def split_glued(line):
    first = re.match(r"(\d{1,2})[.)]\s", line)
    if first:
        if first.group(1) != "1":
            return [], f"the items start at number {first.group(1)}, so some are missing from the copy"
        return split_numbered(line), None
    for bullet in (r"\*", "•", "-", "·"):
        if re.match(rf"{bullet}\s", line):
            pieces = re.split(rf"(?:^|\s){bullet}\s+", line)
            return [piece.strip() for piece in pieces if piece.strip()], None
    return unmarked(line.strip())


def split_numbered(line):
    items, position, number = [], 0, 1
    start = re.match(GLUED_NUMBER.format(n=1), line)
    position = start.end()
    while True:
        following = re.compile(GLUED_NUMBER.format(n=number + 1)).search(line, position)
        if not following:
            items.append(line[position:].strip())
            return [item for item in items if item]
        items.append(line[position:following.start()].strip())
        position, number = following.end(), number + 1


def criteria_block(lines, start, is_boundary):
    """The lines of an eligibility block that begins at lines[start]: item lines, their indented or
    run-on continuations and further criteria headers, up to a boundary line (a heading or label of the
    page) or an unmarked, unindented line after a blank one."""
    block, after_blank = [lines[start]], False
    for line in lines[start + 1:]:
        if not line.strip():
            after_blank = True
            block.append(line)
            continue
        if is_boundary(line) and not MARKER.match(line.strip()) and not ITEM_LINE.match(line):
            break
        starts_item = ITEM_LINE.match(line) or MARKER.match(line.strip()) or line[:1].isspace()
        if after_blank and not starts_item:
            break
        block.append(line)
        after_blank = False
    return "\n".join(block)
