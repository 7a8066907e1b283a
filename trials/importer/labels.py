"""The general label classifier. A label no layout lists ('Studienstatus / Statut', 'Phase of Trial',
'Accrual Target') is mapped to fields by the words it contains, in several languages
(vocab/label_words.json); its value goes to the first of those fields whose reader accepts it, so a
wrong match yields nothing. Label/value pairs are read in the shapes pages print them ('Label: value',
'| Label | Value |', '| Label | Value | Label | Value |'), and lines whose breaks were lost in the copy
('… Enrollment: 64 Study Type: Interventional Study Start (Actual): 2024-09-01 …') are split at their
labels first."""
import re
import unicodedata
from functools import cache, lru_cache

from trials.importer import normalise
from trials.importer.interventions import TYPE_PREFIX
from trials.importer.text import key, pipe_cells
from trials.importer.vocab import load_json

PARENTHESIS = re.compile(r"\([^)]*\)")
NOT_WORD = re.compile(r"[^\w]+|_")
UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"})  # letters NFKD leaves whole


@lru_cache(maxsize=1 << 14)
def fold(text):
    """Lower-case words without accents or punctuation: 'Début de l'étude' -> 'debut de l etude'."""
    text = text.casefold()
    if not text.isascii():
        text = text.translate(UNDECOMPOSED)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(NOT_WORD.sub(" ", text).split())


def stem_pattern(stems):
    """'a|b*|c d' -> a pattern of whole words, prefixes and phrases."""
    parts = []
    for stem in stems.split("|"):
        words = [re.escape(fold(word)) + (r"\w*" if word.endswith("*") else "") for word in stem.split()]
        edge = "" if IDEOGRAPH.match(stem) else r"\b"  # Chinese and Japanese words run on without spaces
        parts.append(edge + r"\s+".join(words) + edge)
    return re.compile("|".join(parts))


IDEOGRAPH = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def rules():
    result = []
    for rule in load_json("label_words.json")["fields"]:
        result.append((rule["field"], [stem_pattern(s) for s in rule.get("all", [])],
                       stem_pattern("|".join(rule["any"])) if rule.get("any") else None,
                       stem_pattern("|".join(rule["not"])) if rule.get("not") else None))
    return result


def fields_for(label):
    """The fields a label may name, most specific first ('Age From' -> min_age, ages)."""
    return list(label_fields(label))


@lru_cache(maxsize=1 << 14)
def label_fields(label):
    words = fold(PARENTHESIS.sub(" ", label)) or fold(label)
    if not words or len(words.split()) > 8:
        return ()
    return tuple(name for name, every, any_of, none_of in rules()
                 if all(p.search(words) for p in every) and (any_of is None or any_of.search(words))
                 and not (none_of and none_of.search(words)))


@cache
def identifier_pattern():
    return stem_pattern("|".join(load_json("label_words.json")["identifier"]))


def is_identifier_label(label):
    """'ClinicalTrials.gov', 'Registernummer / Numéro de registre', 'Trial ID': the label of a registry ID."""
    words = fold(label)
    return 0 < len(words.split()) <= 8 and bool(identifier_pattern().search(words))


# --- readers: a value is kept only when its field can read it ------------------------------------------

def accepts_date(value):
    return normalise.iso_date(value) is not None or normalise.ambiguous_date(value)


NAME_LETTERS = re.compile(r"[^\W\d_]{2}")
COMPANY_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Pty|Bros)\.$")


def accepts_name(value):
    """An organisation's name: 'Merus N.V.' and 'Acme Co.' may end in a dot, a sentence may not; a name
    has letters ('Sponsor: 1' numbers a sponsor block, it names none)."""
    words = value.split()
    if not NAME_LETTERS.search(value):
        return False
    sentence_end = value.endswith(".") and not COMPANY_ABBREVIATION.search(value)
    return 0 < len(words) <= 15 and not sentence_end and not value.endswith(":") and not re.search(r"https?:|@", value)


READERS = {
    "official_title": lambda v: len(v.split()) >= 4,
    "title": lambda v: len(v.split()) >= 4,
    "status": normalise.status,
    "phase": normalise.phase,
    "study_type": normalise.study_type,
    "enrollment": normalise.enrollment,
    "min_age": normalise.single_age,
    "max_age": normalise.single_age,
    "ages": normalise.age_range,
    "sex": normalise.sex,
    "start_date": accepts_date,
    "completion_date": accepts_date,
    "sponsor": accepts_name,
    "conditions": normalise.condition_names,
    "period": normalise.period,
    "countries": lambda v: all(normalise.country_code(p) for p in normalise.split_countries(v, at_and=True) if p.strip()) or None,
    "drugs": lambda v: True,
}


BRACKETED = re.compile(r"^(?P<outside>[^()]+?)\s*\((?P<inside>[^()]*[^\W\d_]{3}[^()]*)\)$")  # words, not a count


def readings(value):
    """The value, then its halves when it is written in two languages ('Rekrutierend / En recrutement'),
    then the value without a remark in brackets and the bracketed words themselves ('Recrutando
    (Recruiting)', 'Recruiting (enrolment opened November 2024)'). Figures are never halved: '60 / 540'
    is two counts, not one count in two languages. A value written in an East Asian script and then in
    English ('招募中 Recruiting') gives each half too."""
    parts = [part.strip() for part in value.split(" / ")]
    result = [value] + (parts if len(parts) > 1 and all(re.search(r"[^\W\d_]{2}", p) for p in parts) else [])
    bracketed = BRACKETED.match(value.strip())
    scripts = TWO_SCRIPTS.match(value.strip()) or WEST_FIRST.match(value.strip())  # '招募中 Recruiting', 'Recruiting 招募中'
    return result + ([bracketed["outside"], bracketed["inside"]] if bracketed else []) \
        + ([scripts["east"], scripts["west"]] if scripts else [])


EAST = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
TWO_SCRIPTS = re.compile(rf"^(?P<east>[^A-Za-z]*{EAST}[^A-Za-z]*?)\s+(?P<west>[A-Za-z].*)$")
WEST_FIRST = re.compile(rf"^(?P<west>[A-Za-z][^\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]*?)\s+(?P<east>{EAST}[^A-Za-z]*)$")


def first_reading(value, read):
    """What read makes of the first reading of value it accepts, or None."""
    return next((found for found in map(read, readings(value)) if found not in (None, False)), None)


def classify_pair(label, value):
    """(field, value as read) for a label no layout lists, or None."""
    value = value.strip().strip("|").strip()
    if not value:
        return None
    for name in fields_for(label):
        for text in readings(value):
            if READERS[name](text) not in (None, False):
                return name, text
    return None


# --- pairs on a page -----------------------------------------------------------------------------------

COLON_PAIR = re.compile(r"^\s*(?:[-*•]\s+)?(?P<label>[^\W\d][^:|=]{0,70}?)\s*:\s*(?P<value>\S.*)$")
SPACED_PAIR = re.compile(r"^\s*(?P<label>[^\W\d][\w ()/&'-]{0,40}?)\s{3,}(?P<value>\S.*)$")
DASH_PAIR = re.compile(r"^\s*(?P<label>[^\W\d][^:|=—–]{0,40}?)\s+[—–]\s+(?P<value>\S.*)$")  # 'Trial status — Closed'
DOT_SEPARATOR = re.compile(r"\s+·\s+")


def pairs_in_line(line):
    """(label, value) pairs of one line: 'Label: value', '| Label | Value |', '| L | V | L | V |', 'L: V | L: V', a facts
    box's 'Label      Value' (columns set apart by spaces), and a value that is itself a row of pairs
    ('Study dates   Start: 2024-10-08 · Study completion: 2027-12')."""
    cells = [cell for cell in (pipe_cells(line) or []) if cell]
    labelled = [COLON_PAIR.match(cell) for cell in cells]
    if len(cells) >= 2 and all(labelled):  # 'Lead sponsor: X | Collaborator: Y': a row of pairs
        return [(pair["label"], pair["value"]) for pair in labelled]
    if len(cells) in (2, 4):
        return [(cells[i], cells[i + 1]) for i in range(0, len(cells), 2)]
    match = SPACED_PAIR.match(line) or COLON_PAIR.match(line) or DASH_PAIR.match(line)
    if not match:
        return []
    inner = [COLON_PAIR.match(piece) for piece in DOT_SEPARATOR.split(match["value"])]
    if len(inner) > 1 and all(inner):
        return [(pair["label"], pair["value"]) for pair in inner]
    return [(match["label"], match["value"])]


def read_classified(page, found, in_arm_block, skip=frozenset()):
    """Fields the page's known labels left empty, read from labels the classifier maps. Exact labels of
    the known layouts keep priority: a field they filled is not read again. in_arm_block(page, index):
    whether a count on that line is one group's size."""
    filled = {name for name, values in found.candidates.items()
              if any(READERS.get(name, bool)(value) not in (None, False) for value in values)}
    lists = {"conditions": bool(found.conditions), "countries": bool(found.countries)}
    for index, line in enumerate(page.lines):
        if index in skip or not line.strip():
            continue
        for label, value in pairs_in_line(line) or pair_below(page, index, skip):
            read = classify_pair(label, value)
            if read and read[0] == "drugs" and not pairs_in_line(line):
                continue  # any line reads as a drug: below a lone label, only a field that checks its value
            if read is None:
                continue
            name, text = read
            if name in filled or lists.get(name) or (name == "enrollment" and in_arm_block(page, index)) \
                    or (name == "period" and {"start_date", "completion_date"} & filled):
                continue
            if name == "conditions":
                found.conditions.extend(normalise.condition_names(text))
            elif name == "countries":
                found.countries.extend(normalise.split_countries(text, at_and=True))
            elif name == "drugs":
                found.labelled_agents.append(text)
            elif name == "period":
                start, end = normalise.period(text)
                found.add("start_date", start)
                found.add("completion_date", end)
            else:
                found.add(name, text)


LONE_LABEL_WORDS = 6


def pair_below(page, index, skip):
    """[(label, value)] for a label alone on its line ('Type of trial', 'Date trial ends') and the line
    right below it, as registry mirrors print them; [] when the line is no label the classifier maps, or
    either line is a list item, or the line below is blank, skipped, a label or a 'Label: value' pair. classify_pair then keeps the value only when the
    label's field reads it, so a section heading over a paragraph gives nothing."""
    label = page.lines[index].strip().rstrip(":").strip()
    below = index + 1
    if (not label or len(label.split()) > LONE_LABEL_WORDS or below >= len(page.lines) or below in skip
            or not page.lines[below].strip() or LIST_ITEM.match(label) or is_section_heading(label)):
        return []
    fields = fields_for(label)
    if not fields or any(READERS[name](label) not in (None, False) for name in set(fields) & SHAPED):
        return []  # 'Recruiting' over 'Completed' is two values, not a label and its value
    value = page.lines[below].strip()
    value_fields = fields_for(value)
    if (value.endswith(":") or LIST_ITEM.match(value) or pairs_in_line(value) or set(value_fields) & set(fields)
            or (value_fields and not classify_pair(label, value))):
        return []  # 'B. Sponsor Information' over 'B.1.1 Name of Sponsor': a heading over its first label
    return [(label, value)]


SHAPED = {"status", "phase", "study_type", "enrollment", "min_age", "max_age", "ages", "sex", "start_date",
          "completion_date", "countries"}  # fields whose reader checks a value's shape, not just its words


def is_section_heading(label):
    """'Sponsor information', 'Trial details': a heading over a section's labels, not a label."""
    last = fold(label).rsplit(" ", 1)[-1]
    return last in section_words()


@cache
def section_words():
    return frozenset(load_json("label_words.json")["section_words"])


LIST_ITEM = re.compile(r"^(?:[-*•·✔✘]|\(?\d{1,2}[.)])\s")  # '* Active autoimmune disease' is an item, not a label


# --- lines whose breaks were lost ------------------------------------------------------------------------

LABEL_COLON = re.compile(r"(?<=\S):\s+(?=\S)")
TOKEN = re.compile(r"\S+")
RUN_ON_LENGTH = 100
LONGEST_LABEL = 6


def split_run_on(text, known_labels):
    """Lines that hold several 'Label: value' pairs run together are broken before each label. A line
    is split only when a label the importer knows (or the classifier maps) stands inside it. A line whose
    labels were glued to their values with no separator at all is cut at its labels too (unglue)."""
    known = {label_key(label) for label in known_labels}
    glued = glued_label_pattern(tuple(known_labels))
    return "\n".join(piece for line in text.split("\n") for part in unglue(line, glued) for piece in split_line(part, known))


GLUE_POINT = re.compile(r"(?<=[a-z0-9)+])(?=[A-Z])|(?<=[a-z] )(?=[A-Z][a-z]+\d)")
MIN_GLUED_PAIRS = 3


@lru_cache(maxsize=4)
def glued_label_pattern(known_labels):
    """Known labels, longest first, each with an optional remark in brackets ('Completion date (est.)'),
    followed straight by a capital or a digit: how a label reads when the copy lost its separator."""
    texts = sorted({label for label in known_labels if len(label) > 2}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, texts)) + r")(?:\s*\([^()]{1,15}\))?(?=[A-Z0-9])", re.I)


def unglue(line, pattern):
    """'StatusRecruitingPhasePhase 1/Phase 2Enrollment36 (estimated)SexAll' -> 'Status: Recruiting',
    'Phase: Phase 1/Phase 2', 'Enrollment: 36 (estimated)', 'Sex: All': a line that opens with a known
    label and holds at least MIN_GLUED_PAIRS labels each glued onto the end of the previous value (a
    lower-case letter, a digit, a bracket or a plus, then the label's capital; or a space, then a label
    glued to its figure: 'All genders Participants52'). A label never follows another
    with no value between them ('PhasePhase 1': the second 'Phase' opens the value)."""
    if len(line) < 30 or ":" in line or not GLUE_POINT.search(line):
        return [line]
    first = pattern.match(line)
    if not first:
        return [line]
    cuts = [(0, first.end())]
    for point in GLUE_POINT.finditer(line, first.end() + 1):
        start = point.start()
        if start <= cuts[-1][1]:
            continue
        label = pattern.match(line, start)
        if label:
            cuts.append((start, label.end()))
    if len(cuts) < MIN_GLUED_PAIRS:
        return [line]
    ends = [start for start, _ in cuts[1:]] + [len(line)]
    return [f"{line[start:label_end].strip()}: {line[label_end:end].strip()}" for (start, label_end), end in zip(cuts, ends)]


def label_key(text):
    return key(PARENTHESIS.sub(" ", text))


def split_line(line, known):
    if len(line) < RUN_ON_LENGTH or line.count(":") < 2:
        return [line]
    cuts, floor, recognised = [], 0, False
    for colon in LABEL_COLON.finditer(line):
        tokens = [t for t in TOKEN.finditer(line, floor, colon.start())]
        if tokens and TYPE_PREFIX.fullmatch(line[tokens[-1].start():colon.end()].rstrip()):
            continue  # 'Drug: a; Drug: b': the items of a typed intervention list, not labels
        start, sure = label_start(line, tokens[1:] if floor else tokens, colon.start(), known)
        if start is None:
            continue
        if start > 0:
            cuts.append(start)
            recognised = recognised or sure
        floor = colon.end()
    if not recognised:
        return [line]
    bounds = [0] + cuts + [len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:]) if line[a:b].strip()]


def widened(line, starts, end):
    """A known label's start, moved back over the words that open labels ('Eligible age', 'Study end',
    vocab label_words.json 'openers') while the longer label still names the same field."""
    start, fields = starts[0], fields_for(line[starts[0]:end])
    for before in starts[1:]:
        word = fold(line[before:start])
        if not (fields and word in label_openers() and fields_for(line[before:end]) == fields):
            break
        start = before
    return start


@cache
def label_openers():
    return frozenset(load_json("label_words.json")["openers"])


def label_start(line, tokens, end, known):
    """(where the label before a colon starts, whether it is a label the importer knows): the longest
    known label, else the longest one the classifier maps, else the capitalised words back to the
    previous value."""
    suffixes = [tokens[i].start() for i in range(len(tokens) - 1, max(-1, len(tokens) - 1 - LONGEST_LABEL), -1)]
    for index, start in reversed(list(enumerate(suffixes))):
        if label_key(line[start:end]) in known:
            return widened(line, suffixes[index:], end), True
    for start in reversed(suffixes[:4]):
        if line[start].isupper() and fields_for(line[start:end]):
            return start, True
    start = None
    for token in reversed(tokens[-4:]):
        if re.search(r"\d|[;,]$", token.group(0)):
            break
        if token.group(0)[0].isupper() or token.group(0).startswith("("):
            start = token.start()
    return start, False
