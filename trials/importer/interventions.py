"""Interventions as the page names them, to contract interventions: a drug's lower-case generic name,
otherwise a short name and a kind. Regimen details (dose, route, schedule) stay in the description."""
import re
from dataclasses import dataclass
from functools import cache

from trials.importer.normalise import text_or_none
from trials.importer.vocab import load_json, load_tsv

TYPE_PREFIX = re.compile(
    r"(?P<type>Drug|Biological|Biologic|Radiation|Procedure|Device|Behavioral|Behavioural|Diagnostic Test|"
    r"Genetic|Dietary Supplement|Combination Product|Other)\s*:\s*",
    re.IGNORECASE,
)
GLUED_TYPE = re.compile(r"^(?P<type>Drug|Biological|Radiation|Procedure|Device|Behavioral|Behavioural|Other)"
                        r"(?=[A-Z0-9])(?P<rest>.+)$")
NAME_END = re.compile(r"(?<=[a-z])(?=\d)|(?<=[a-z0-9])(?=[A-Z][a-z])|\s+[—–]\s+")
DESCRIPTION_DASH = re.compile(r"\s+[-—–]\s+")
PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
LIST_SEPARATOR = re.compile(r"\s*(?:\+|/|,|;|\band\b|\bplus\b|\bwith\b|\bor\b)\s*", re.IGNORECASE)


@dataclass
class Named:
    """An intervention as written: its type label if any ('Drug'), its name and any description."""
    name: str
    type_label: str | None = None
    description: str | None = None


def typed_items(text):
    """'Radiation: A Radiation: B', or 'Drug: X - description' lines, to Named items. A type label alone
    on its line names the intervention on the next; other following lines are not part of it."""
    starts = list(TYPE_PREFIX.finditer(text))
    items = []
    for match, following in zip(starts, starts[1:] + [None]):
        body = text[match.end():following.start() if following else len(text)]
        lines = [line.strip(" |") for line in body.split("\n") if line.strip(" |")]
        if not lines:
            continue
        name, description = (DESCRIPTION_DASH.split(lines[0], maxsplit=1) + [""])[:2]
        items.append(Named(name.strip(), match["type"], description.strip() or None))
    return items


def glued_typed_item(line):
    """'DrugToripalimab240 mg IV…', 'ProcedureRadical surgeryResection of…': a type label, a name and its
    description run together, the name ending where a number or a capitalised word is glued on; None for
    any other line."""
    match = GLUED_TYPE.match(line.strip())
    if not match:
        return None
    end = NAME_END.search(match["rest"])
    name, description = (match["rest"][:end.start()], match["rest"][end.end():]) if end else (match["rest"], "")
    return Named(name.strip(), match["type"], description.strip() or None)


ARM_LABEL = re.compile(r"^[^:]{1,40}:\s*")


def in_arms(lines):
    """Named items from arm or treatment-plan lines ('Arm A: Opdivo plus cisplatin with IMRT'): each line
    that names an agent or a known kind of treatment, without its arm label."""
    texts = [ARM_LABEL.sub("", line.strip()) for line in lines if line.strip()]
    return [Named(text) for text in texts if drugs_in_prose(text) or generic_term(text)]


@cache
def drug_table():
    """Lower-case name or synonym -> generic name; capitalised synonyms kept apart as case-sensitive."""
    data = load_json("drugs.json")
    table = {name: name for name in data["generic"]}
    table.update({synonym.casefold(): generic for synonym, generic in data["synonyms"].items()
                  if not synonym.isupper()})
    return table


@cache
def abbreviation_table():
    data = load_json("drugs.json")
    return {synonym: generic for synonym, generic in data["synonyms"].items() if synonym.isupper()}


WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9-]*")
LONGEST_NAME = 4  # words in the longest listed name ('tegafur gimeracil oteracil potassium')


def drug_name(text):
    """The generic name for a name as written, or None when it is not a known agent."""
    text = " ".join(text.split()).strip(" .,;:")
    if text in abbreviation_table():
        return abbreviation_table()[text]
    return drug_table().get(text.casefold())


def looks_like_drug(text):
    """An agent stem, or a code name such as MRG003 or BIBW-2992."""
    return looks_like_agent(text.strip()) or bool(re.fullmatch(r"[A-Za-z]{2,6}-?\d{2,6}[A-Za-z]?", text.strip()))


def drugs_in_prose(text):
    """Generic names of the agents a prose text names, longest name first (regimen codes and generic
    words are not agents)."""
    words = WORD.findall(alias_pattern().sub(" ", text))
    found, index = [], 0
    while index < len(words):
        generic, size = name_at(words, index)
        if generic and generic not in found:
            found.append(generic)
        index += size
    return found


def name_at(words, index):
    """(generic name, words it spans) for the agent named at words[index], or (None, 1)."""
    word = words[index]
    if word.casefold() in first_words():
        for size in range(min(LONGEST_NAME, len(words) - index), 1, -1):
            generic = drug_table().get(" ".join(words[index:index + size]).casefold())
            if generic:
                return generic, size
    generic = abbreviation_table().get(word) or drug_table().get(word.casefold())
    if generic:
        return generic, 1
    return (word.casefold() if looks_like_agent(word) else None), 1


@cache
def not_given_pattern():
    return re.compile(r"\b(?:%s)\b(?:[ \t]+[^\s,;.()]+){1,3}" % "|".join(load_json("drugs.json")["not_given"]),
                      re.IGNORECASE)


def without_agents_not_given(text):
    """The text without the few words that name an agent participants do not receive ('considered unsuitable
    for concurrent cisplatin')."""
    return not_given_pattern().sub(" ", text)


@cache
def alias_pattern():
    return re.compile(load_json("drugs.json")["aliases"], re.IGNORECASE)


@cache
def first_words():
    return frozenset(name.split()[0] for name in drug_table() if " " in name)


@cache
def agent_suffixes():
    return tuple(load_json("drugs.json")["suffixes"])


def looks_like_agent(word):
    """An unlisted name built on an agent stem (-mab, -tinib, -platin...)."""
    return word.casefold().endswith(agent_suffixes()) and bool(re.fullmatch(r"[A-Za-z][a-z]{5,}", word))


@cache
def generic_terms():
    return [(re.compile(row["pattern"], re.IGNORECASE), row["name"], row["kind"])
            for row in load_tsv("generic_interventions.tsv")]


def kind_of_label(type_label):
    return load_json("intervention_kinds.json").get((type_label or "").casefold())


def generic_term(text):
    for pattern, name, kind in generic_terms():
        if pattern.search(text):
            return name, kind
    return None


def normalise(item):
    """Contract interventions (name, kind, description) for one Named item; a regimen or a
    'gemcitabine + cisplatin' name gives one per agent."""
    label_kind = kind_of_label(item.type_label)
    bare = PARENTHESES.sub("", item.name).strip(" .,;:-")
    if not text_or_none(bare):
        return []
    inside = [m.strip("()[] ") for m in re.findall(r"[(\[][^)\]]*[)\]]", item.name)]
    description = item.description
    drug_kind = "BIOLOGICAL" if label_kind == "BIOLOGICAL" else "DRUG"

    regimen = load_json("drugs.json")["regimens"].get(bare) or load_json("drugs.json")["regimens"].get(bare.upper())
    if regimen and label_kind in (None, "DRUG", "OTHER"):
        return [intervention(name, drug_kind, description or item.name) for name in regimen]
    for candidate in [bare] + inside:
        generic = drug_name(candidate)
        if generic:
            return [intervention(generic, drug_kind, description)]
    pieces = [p for p in LIST_SEPARATOR.split(bare) if p.strip()]
    if len(pieces) > 1 and all(drug_name(p) for p in pieces):
        return [intervention(drug_name(p), drug_kind, description or item.name) for p in pieces]
    term = generic_term(item.name)
    agents = agents_named(bare) if label_kind in (None, "DRUG", "BIOLOGICAL") else []
    if agents:  # 'Opdivo 240 mg plus cisplatin with IMRT 70 Gy', 'Toripalimab + GP induction chemotherapy'
        named = [intervention(agent, drug_kind, description or item.name) for agent in agents]
        return named + ([intervention(term[0], term[1], description or item.name)] if term else [])
    if term and (term[1] != "OTHER" or label_kind in (None, "DRUG", "BIOLOGICAL", "OTHER")):
        name, kind = term
        return [intervention(name, kind if label_kind in (None, "DRUG", "BIOLOGICAL", "OTHER") else label_kind,
                             description or (item.name if item.name.casefold() != name else None))]
    if label_kind in ("DRUG", "BIOLOGICAL") or (label_kind is None and looks_like_drug(bare)):
        return [intervention(bare.casefold(), drug_kind, description)]
    if not bare:
        return []
    return [intervention(bare.casefold(), label_kind or "OTHER", description)]


def agents_named(name):
    """The agents an intervention's name lists, a regimen code among its words ('GP induction') giving its
    agents."""
    regimens = load_json("drugs.json")["regimens"]
    agents = drugs_in_prose(name)
    for word in WORD.findall(name):
        agents.extend(agent for agent in regimens.get(word, []) if word.isupper() and agent not in agents)
    return agents


def intervention(name, kind, description):
    return {"name": name, "kind": kind, "description": description}


def merge(interventions):
    """One entry per (name, kind), keeping the first description."""
    seen, result = set(), []
    for item in interventions:
        key = (item["name"], item["kind"])
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result
