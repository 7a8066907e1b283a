"""Stage 4: page wording to contract values. Every function returns None for a value it cannot read with
confidence: a wrong value is worse than none."""
import re
import unicodedata
from datetime import date
from functools import cache, lru_cache

import pycountry

from trials.importer.vocab import load_json

EMPTY = {"", "none", "n/a", "na", "-", "--", "null", "not provided", "not available", "unknown", "tbd", "tba"}
WORD_SEPARATORS = re.compile(r"[\s_,;:\-–—/]+")


def plain(value):
    """Lower-case words separated by single spaces, for comparing against vocabularies."""
    return WORD_SEPARATORS.sub(" ", value.casefold()).strip(" .()[]|*")


def text_or_none(value):
    if value is None:
        return None
    value = " ".join(value.replace("|", " ").split()).strip(" ·")
    return None if value.casefold() in EMPTY else value


# --- phase -----------------------------------------------------------------------------------------

PHASE_SHAPE = re.compile(
    r"(?:phase\s*)?(?P<a>[1-4]|iv|iii|ii|i)[ab]?"
    r"(?:\s*(?:/|-|–|_|,|&|\band\b|\bor\b)\s*(?:phase\s*)?(?P<b>[1-4]|iv|iii|ii|i)[ab]?)?"
)
PHASE_IN_GLOSS = re.compile(r"\((phase\s*[^()]{1,12})\)", re.I)
GLOSS = re.compile(r"\s*\([^)]*[a-z]{3}[^)]*\)")
ROMAN_PHASE = re.compile(r"[ivIV]+[ab]?(?:\s*/\s*[ivIV]+[ab]?)?")  # "II", "Ib/II", "IIa"


def phase(value):
    if value is None:
        return None
    vocab = load_json("phases.json")
    inner = PHASE_IN_GLOSS.search(value)  # 'Therapeutic confirmatory (Phase III)'
    if inner and not PHASE_SHAPE.match(value.strip().casefold()):
        return phase(inner.group(1))
    value = english_phase(GLOSS.sub("", value))  # 'Phase II (Therapeutic exploratory)'
    text = " ".join(value.casefold().replace("|", " ").split()).strip(" .:;()")
    if text in vocab["not_applicable"]:
        return "NA"
    if text in vocab["early_phase1"]:
        return "EARLY_PHASE1"
    match = PHASE_SHAPE.fullmatch(text)
    if not match or ("phase" not in text and not re.fullmatch(r"\d[ab]?(?:/\d[ab]?)?", value.strip())
                     and not ROMAN_PHASE.fullmatch(value.strip())):
        return None
    numbers = [phase_number(match["a"])] + ([phase_number(match["b"])] if match["b"] else [])
    if len(numbers) == 1 or numbers[0] == numbers[1]:
        return f"PHASE{numbers[0]}"
    return vocab["pairs"].get(f"{numbers[0]}-{numbers[1]}")


def english_phase(value):
    """'Fase II', '第二期', 'II期', '2상' as 'phase II', 'phase 2'; other values with their numeral
    characters as digits ('Ⅲ' -> '3')."""
    numerals, whole, before, after = phase_words()
    text = value.strip().translate(numerals)
    match = whole.fullmatch(text)
    named = match and before.match(text) or after.search(text)
    return f"phase {match['n']}" if match and named else text


@cache
def phase_words():
    """phases.json's numerals as a translation table, and its words before and after a phase number as
    patterns: the whole phrase, the word before, the word after."""
    vocab = load_json("phases.json")
    before, after = "|".join(vocab["before"]), "|".join(vocab["after"])
    return (str.maketrans(vocab["numerals"]),
            re.compile(rf"(?:{before})?\s*(?P<n>[0-4ivxIVX][0-4ivxIVX/ -]*?)\s*(?:{after})?", re.I),
            re.compile(rf"(?:{before})", re.I), re.compile(rf"(?:{after})$"))


def phase_number(token):
    return int(token) if token.isdigit() else load_json("phases.json")["roman"][token]


# --- status, study type, sex ----------------------------------------------------------------------

@cache
def word_table(name, key=None):
    data = load_json(name)
    data = data[key] if key else data
    table = {}
    for code, words in data.items():
        if code.startswith("_"):
            continue
        table[plain(code)] = code
        for word in words:
            table[plain(word)] = code
    return table


def status(value):
    """A status in the vocabulary, also before a remark in brackets; also one whose parts at commas and
    dashes name it and nothing else ('Closed for inclusion, follow-up ongoing', 'Completed recruitment –
    patients in follow-up')."""
    if value is None:
        return None
    table = word_table("statuses.json", "words")
    found = table.get(plain(value)) or table.get(plain(TRAILING_REMARK.sub("", value)))
    parts = STATUS_PARTS.split(value)
    if found or len(parts) == 1:
        return found
    codes = {table.get(plain(part)) for part in parts}
    return codes.pop() if len(codes) == 1 else None


TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # 'Temporarily closed to accrual (amendment under review)'
STATUS_PARTS = re.compile(r",|\s[–—-]\s")


def study_type(value):
    """'Interventional', also when a design follows it: 'Interventional (randomized, open label)',
    'interventional, randomised, two-arm'."""
    if value is None:
        return None
    table = word_table("study_types.json")
    value = re.sub(r"\((?:clinical trial|patient registry)\)", "", value, flags=re.I)
    return table.get(plain(value)) or table.get(plain(re.split(r"[(,;]", value)[0]))


def sex(value):
    if value is None:
        return None
    return word_table("sexes.json", "words").get(plain(re.sub(r"^(?:sex|gender)\s*:?", "", value.strip(), flags=re.I)))


# --- enrollment ------------------------------------------------------------------------------------

QUANTITY_WORDS = load_json("quantities.json")


def any_of(name):
    return "(?:" + "|".join(QUANTITY_WORDS[name]) + ")"


ENROLLMENT = re.compile(
    rf"(?:{any_of('count_openers')}\s*:?\s*){{0,3}}(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)\s*"
    r"(?:\(?\s*(?:estimated|actual|anticipated)\s*\)?)?\s*"
    rf"(?:{any_of('participant_nouns')}\b)?\s*"
    r"(?:\(?\s*(?:estimated|actual|anticipated)\s*\)?)?",
    re.IGNORECASE,
)


TRAILING_NOTE = re.compile(r"\s*\((?![^)]*\b(?:estimated|actual|anticipated)\b)[^)]*\)\s*$", re.I)


def enrollment(value):
    """'86', '86 participants (estimated)', '86 (43 per arm)'; a bare 0 is no count, '0 participants' (a
    withdrawn trial's) is."""
    if value is None:
        return None
    match = ENROLLMENT.fullmatch(value.strip(" .|")) or ENROLLMENT.fullmatch(TRAILING_NOTE.sub("", value).strip(" .|"))
    if not match:
        return whole_trial_count(value) or leading_count(value)
    number = int(match["n"].replace(",", ""))
    return number if number > 0 or PARTICIPANT_NOUN.search(value) else None


PARTICIPANT_NOUN = re.compile(rf"\d\s*{any_of('participant_nouns')}\b", re.I)
SUB_COUNT = re.compile(r"(?P<label>[A-Za-z][\w ()/-]{0,40}?)\s*[:=]\s*\"?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\"?")
WHOLE_TRIAL = re.compile(r"\b(?:total|whole|overall|global|all|international|worldwide)\b", re.I)
IN_PLACE = re.compile(r"\s+(?:in|i|en|im|в|во|across)\s+(?:the\s+)?[^\W\d_]+$", re.I)  # '400 i Norden', '240 in Europe', '760 across the UK'
LEADING_CLAUSE = re.compile(r"^[^(,;]+?(?=\s*[(,;])")


def whole_trial_count(value):
    """'EEA: 230 | Whole clinical trial: 840', 'Total Sample Size="420" Sample Size from India="420"': the
    count labelled as the whole trial's."""
    if ":" not in value and "=" not in value:
        return None
    counts = {int(m["n"].replace(",", "")) for m in SUB_COUNT.finditer(value) if WHOLE_TRIAL.search(m["label"])}
    return counts.pop() if len(counts) == 1 else None


def leading_count(value):
    """'148 patients (74 per arm), allowing for drop-out', '240 (international), davon 30 in der Schweiz',
    '760 patients across the UK': the count that opens the value, before its first note or place."""
    clause = LEADING_CLAUSE.match(value.strip())
    match = ENROLLMENT.fullmatch(IN_PLACE.sub("", clause.group(0).strip() if clause else value.strip()))
    return int(match["n"].replace(",", "")) or None if match else None


# --- ages ------------------------------------------------------------------------------------------

UNIT_YEARS = {"year": 1, "yr": 1, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}
QUANTITY = r"(\d{1,3}(?:\.\d+)?)\s*(years?|yrs?|months?|weeks?|days?)?"
AT_LEAST = any_of("at_least")
AT_MOST = any_of("at_most")
AND_UP = any_of("and_up")
AGE_RANGE = re.compile(rf"{QUANTITY}\s*{any_of('range_words')}\s*{QUANTITY}", re.I)
AGE_MIN = re.compile(rf"{AT_LEAST}\s*{QUANTITY}|{QUANTITY}\s*{AND_UP}", re.I)
AGE_MAX = re.compile(rf"{AT_MOST}\s*{QUANTITY}|{QUANTITY}\s*{any_of('and_down')}", re.I)
AGE_NOISE = re.compile(rf"\b{any_of('noise_words')}\b|[:|()]", re.I)
AGE_UNITS = re.compile(rf"\b{any_of('unit_words')}\b|{any_of('unit_marks')}", re.I)
WORDS_IN_BRACKETS = re.compile(r"\s*\((?=[^)]*[a-z]{3})[^)\d]*\)", re.I)
AGE_ONLY = re.compile(rf"\s*{QUANTITY}\s*", re.I)


def years(number, unit):
    unit = (unit or "year").casefold().rstrip("s")
    return round(float(number) * UNIT_YEARS[unit], 2) if unit in UNIT_YEARS else None


def whole(number):
    return int(number) if number is not None and float(number).is_integer() else number


def age_range(value):
    """(min, max) in years from an age phrase that says nothing else; None when it cannot be read.
    'N/A and older' reads as (None, None): a valid answer meaning no limit is given."""
    if value is None:
        return None
    if ";" in value:
        return age_bands(value)
    bounds = age_bounds(value) if "," in value else None  # '20 years or older, 79 years or younger'
    if bounds:
        return bounds
    value = AGE_UNITS.sub("years", WORDS_IN_BRACKETS.sub("", value))  # '≥ 65 Jahre', '18 Years (Adult, Older Adult)'
    value = re.sub(r"(?<=\d)(?=[a-z])", " ", value, flags=re.I)  # '20age old', '18years'
    text = " ".join(AGE_NOISE.sub(" ", value).split())
    if re.fullmatch(r"(?:n/?a|none|no limit|not applicable)(?: and older| or older)?(?:\s*-\s*n/?a)?", text, re.I):
        return (None, None)
    for shape, kind in ((AGE_RANGE, "range"), (AGE_MIN, "min"), (AGE_MAX, "max"), (AGE_ONLY, "single")):
        match = shape.fullmatch(text)
        if match:
            return age_from_match(match, kind)
    return None


def age_bands(value):
    """'18-64 years; 65-84 years; 85+ years': the lowest lower bound, and the highest upper one unless a
    band is open-ended."""
    bands = [age_range(part) for part in value.split(";") if part.strip()]
    if not bands or None in bands or any(low is None for low, _ in bands):
        return None
    highs = [high for _, high in bands]
    return min(low for low, _ in bands), None if None in highs else max(highs)


def age_bounds(value):
    """A lower and an upper bound given apart ('20 years or older, 79 years or younger'), or None."""
    parts = [age_range(part) for part in value.split(",") if part.strip()]
    if len(parts) != 2 or None in parts:
        return None
    (low, high), (low2, high2) = parts
    if high is None and low2 is None and low is not None and high2 is not None:
        return low, high2
    return None


def age_from_match(match, kind):
    numbers = [g for g in match.groups()]
    if kind == "range":
        low_unit = numbers[1] or numbers[3]
        return whole(years(numbers[0], low_unit)), whole(years(numbers[2], numbers[3]))
    values = [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2) if numbers[i] is not None]
    number, unit = values[0]
    if kind == "max":
        return None, whole(years(number, unit))
    return whole(years(number, unit)), None


def single_age(value):
    """One age such as '18 Years' (a minimum or maximum age field)."""
    found = age_range(value)
    return found[0] if found else None


AGE_IN_CRITERION = re.compile(
    rf"\bage[ds]?\b[^.;]{{0,20}}?(?:{AT_LEAST}|=)\s*{QUANTITY}|\b{QUANTITY}\s*{AND_UP}|"
    rf"\bat least\s+{QUANTITY}\s*(?:years?\s*)?old\b|"
    rf"\b(?:aged?|older than|greater than)\s+{QUANTITY}\s*(?:years?)?\s*(?:of age\s*)?(?:or older|and older|and above|or above)?",
    re.I,
)


def minimum_age_in_criterion(text):
    """The minimum age an inclusion criterion states ('Age ≥18 years', 'aged 18 years or older')."""
    if not re.search(r"\bage[ds]?\b|\bolder\b|\byears of age\b|\byears old\b", text, re.I):
        return None
    match = AGE_IN_CRITERION.search(text)
    if not match:
        return None
    groups = [g for g in match.groups()]
    pairs = [(groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i] is not None]
    number, unit = pairs[0]
    value = years(number, unit)
    return whole(value) if value is not None and 0 < value < 120 else None


# --- dates -----------------------------------------------------------------------------------------

MONTHS = {name: int(number) for number, names in load_json("months.json")["names"].items() for name in names}
MONTH = r"([^\W\d_]{3,12})\.?"
DATE_SHAPES = [
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})-(\d{1,2})"), ("y", "m")),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"), ("y", "m", "d")),  # '2024年3月1日'
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月"), ("y", "m")),
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), ("d", "m", "y")),  # '01.03.2024': dots put the day first
    (re.compile(r"(\d{1,2})/(\d{4})"), ("m", "y")),
    (re.compile(rf"(\d{{1,2}})(?:\s+|-){MONTH},?(?:\s+|-)(\d{{4}})"), ("d", "mon", "y")),
    (re.compile(rf"{MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})"), ("mon", "d", "y")),
    (re.compile(rf"{MONTH},?(?:\s+|-)(\d{{4}})"), ("mon", "y")),
]
ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|\.(?=\s*[^\W\d_]))(?!\w)|(?<=\S)\s+(?:de|del)\s+(?=\S)", re.I)  # '1er mars', '1. März', '1 de marzo de 2024'
DATE_NOISE = re.compile(r"^(?:\(?(?:actual|estimated|anticipated|expected|est\.?)\)?:?\s+)+|\s*\(?(?:actual|estimated|anticipated)\)?$", re.I)


def iso_date(value, day_first=None):
    """ISO YYYY-MM-DD, or YYYY-MM when the page gives no day. day_first: how the page orders the numbers
    of its other dates (see date_order), for '01/06/2024'."""
    if value is None:
        return None
    text = DATE_NOISE.sub("", " ".join(value.replace("|", " ").split()).strip(" .,"))
    text = ORDINAL_DAY.sub(lambda m: m[1] or " ", text)
    for shape, parts in DATE_SHAPES:
        match = shape.fullmatch(text)
        if match:
            return date_from_parts(dict(zip(parts, match.groups())))
    noted = DATE_NOTE.fullmatch(text)  # 'September 2030 (database lock)', 'Q2 2025 (planned April 2025)'
    if noted:
        return iso_date(noted["date"], day_first) or iso_date(noted["note"], day_first)
    return day_month_year(text, day_first)


DATE_NOTE = re.compile(r"(?P<date>[^()]+?)\s*\((?:planned|expected|estimated|anticipated|approx\.?|about)?\s*(?P<note>[^()]+)\)")


SLASH_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
DATE_IN_TEXT = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])")


PERIOD = re.compile(r"^(?:from\s+)?(?P<start>.+?)(?:\s+(?:to|until|till|bis|au|al|a|–|—|-)\s+|\s*[~至到]\s*)(?P<end>.+)$", re.IGNORECASE)


def period(value):
    """'From 2024-06-01 To 2030-12-31', '2024.05.20 ~ 2027.12.31', 'Jan 2024 – Dec 2028': the start and
    completion as written, or None unless both read as dates."""
    match = PERIOD.match((value or "").strip())
    if match and iso_date(match["start"]) and iso_date(match["end"]):
        return match["start"], match["end"]
    return None


def date_order(text):
    """True when the page's numeric dates are written day first (one reads 19/04/2024), False when month
    first (04/19/2024), None when none tells or they disagree."""
    orders = set()
    for first, second, _ in DATE_IN_TEXT.findall(text):
        if int(first) > 12 >= int(second):
            orders.add(True)
        elif int(second) > 12 >= int(first):
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def ambiguous_date(value):
    """'12/09/2023': day and month could be either way round."""
    match = SLASH_DATE.fullmatch(" ".join((value or "").split()).strip(" .,"))
    return bool(match) and int(match[1]) <= 12 and int(match[2]) <= 12 and match[1] != match[2]


def day_month_year(text, day_first=None):
    """'31/03/2027' or '03/31/2027': read when one number is above 12, or when the page's other dates
    show the order, so the order is certain."""
    match = SLASH_DATE.fullmatch(text)
    if not match:
        return None
    first, second, year = match.groups()
    if int(first) > 12 >= int(second):
        return date_from_parts({"d": first, "m": second, "y": year})
    if int(second) > 12 >= int(first):
        return date_from_parts({"d": second, "m": first, "y": year})
    if day_first is not None and max(int(first), int(second)) <= 12:
        day, month = (first, second) if day_first else (second, first)
        return date_from_parts({"d": day, "m": month, "y": year})
    return None


def date_from_parts(parts):
    year = int(parts["y"])
    month = MONTHS.get(parts["mon"].casefold().rstrip(".")) if "mon" in parts else int(parts["m"])
    if month is None or not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    if "d" not in parts:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(parts["d"])).isoformat()
    except ValueError:
        return None


# --- countries -------------------------------------------------------------------------------------

def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split()).strip(" .,")


@cache
def country_table():
    table = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                table[fold(name)] = country.alpha_2
    table.update({fold(alias): code for alias, code in load_json("countries.json")["aliases"].items()})
    return table


@cache
def city_table():
    return {fold(city): code for city, code in load_json("countries.json")["cities"].items()}


@lru_cache(maxsize=4096)
def country_code(value):
    """ISO alpha-2 for a country name ('South Korea', 'Korea, Republic of', 'Hong Kong') or code; a count of
    its sites after the name is no part of it ('United States (38)', 'France (11 sites)', 'Spain – 4 sites')."""
    if value is None:
        return None
    text = value.strip(" .,|")
    if re.fullmatch(r"[A-Z]{2}", text) and pycountry.countries.get(alpha_2=text):
        return text
    code = country_table().get(fold(text))
    if code is None and text[-1:] in ")s" and SITE_COUNT.search(text):
        return country_table().get(fold(SITE_COUNT.sub("", text)))
    return code


SITE_COUNT = re.compile(r"\s*(?:\(\s*\d{1,4}(?:\s+[^\W\d]+){0,2}\s*\)|[:—–-]\s*\d{1,4}\s+(?:sites?|locations?|cent(?:er|re)s?|hospitals?))\s*$")


COUNTRY_SEPARATORS = {False: re.compile(r"[;,·]"), True: re.compile(r"[;,·]|\band\b")}


def split_countries(value, at_and=False):
    """The country names of a list ('France; Germany', 'Canada, Korea, Republic of, Spain'): its parts at
    commas and semicolons (and at 'and' when at_and), a part joined back to the one before when only
    together they name a country, as ISO lists write some names ('Korea, Republic of')."""
    names = []
    for part in COUNTRY_SEPARATORS[at_and].split(value):
        joined = f"{names[-1].strip()}, {part.strip()}" if names else None
        if joined and part.strip() and not country_code(part) and country_code(joined):
            names[-1] = joined
        else:
            names.append(part)
    return names


@cache
def region_table():
    return {fold(region): code for region, code in load_json("countries.json")["regions"].items()}


def region_country(region):
    """The country a province or state fixes ('Ontario' -> CA, 'Sichuan' -> CN), or None."""
    return None if region is None else region_table().get(fold(region))


def city_country(city):
    return None if city is None else city_table().get(fold(city))


# --- conditions ------------------------------------------------------------------------------------

HEAD_WORDS = (
    r"\b(?:\w*carcinomas?|\w*cancers?|kanser\w*|karsinom\w*|\w*karzinom\w*|\w*carcinome?s?|\w*blastom\w*|рак|карцином\w*|опухол\w*|tumou?rs?|neoplasms?|malignanc(?:y|ies)|lymphomas?|sarcomas?|melanomas?|"
    r"diseases?|mucositis|xerostomia|dysphagia|metastas[ie]s|leukoplakia|dermatitis|trismus|fibrosis|"
    r"infections?|syndromes?)"
)
DISEASE_HEAD = re.compile(HEAD_WORDS + r"\b", re.IGNORECASE)
CONDITION_HEADS = re.compile(
    HEAD_WORDS + r"(?:\b|(?-i:(?=[A-Z][a-z])))(?!\s*(?:\(|of\b|in\b|and\b|or\b|with\b|at\b|the\b|to\b|for\b|,|-))",
    re.IGNORECASE,
)


def names_disease(line):
    """A short line that names a disease ('Oropharyngeal cancer'), not a sentence or a label."""
    text = line.strip()
    return 0 < len(text.split()) <= 10 and not text.endswith((".", ":")) and bool(CONDITION_HEADS.search(text))


def condition_names(value):
    """The conditions a labelled value names, or None: its comma parts when each names a disease, else the
    whole value when its first part does ('Adenoid cystic carcinoma of the salivary glands, nasal cavity
    and paranasal sinuses' is one condition)."""
    parts = split_conditions(value)
    if parts and all(names_disease(part) for part in parts):
        return parts
    whole = text_or_none(value)
    if whole and len(whole.split()) <= 20 and not whole.endswith(".") and DISEASE_HEAD.search(re.split(r"[;,]", whole)[0]):
        return [whole]
    return None


LIST_COMMA = re.compile(r"[;,](?![^()]*\))")  # not inside brackets: '… carcinoma (stage III–IVA, AJCC 9th)'


def split_conditions(value):
    """Condition names from one line: a comma or semicolon list (a bracketed remark kept whole), or names
    run together without separators ('adenoid cystic carcinoma salivary duct carcinoma'), split after each head noun."""
    value = text_or_none(value)
    if value is None:
        return []
    if ";" in value or "," in value:
        return [part for part in (text_or_none(p) for p in LIST_COMMA.split(value)) if part]
    names, start = [], 0
    for match in CONDITION_HEADS.finditer(value):
        names.append(value[start:match.end()].strip())
        start = match.end()
    names.append(value[start:].strip())
    return [name for name in names if name]
