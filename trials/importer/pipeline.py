"""A trial page's bytes to one contract record: decode, recognise the layout, extract, normalise, validate."""
import hashlib
import re
from functools import partial

from trials.importer import columns, interventions, labels, normalise
from trials.importer.criteria import split_criteria
from trials.importer.decode import read_text
from trials.importer.extract import extract
from trials.importer.generic import add_prose_facts, extract_generic, run_on_labels
from trials.importer.identifiers import choose_nct_id
from trials.importer.layouts import recognise
from trials.importer.text import Page, without_sentences_naming
from trials.importer.validate import validate

SPONSOR_CLASS = re.compile(r"\s*\((?:other|industry|nih|u\.s\. fed|fed|other gov|network|individual|indiv)\)\s*$", re.I)
ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9-]{2,15})\s*\)\s*$")


def parse(raw: bytes, filename: str) -> dict:
    decoded = read_text(raw)
    page = Page(decoded.text)
    layout = recognise(page.text)
    warnings = list(decoded.warnings)
    if layout is None:
        text, unwoven = columns.unweave(page.text)
        if unwoven:
            warnings.append("Two columns of the page were interleaved in the copy; the right one was read after the left.")
        page = Page(labels.split_run_on(text, run_on_labels()))
    found = extract(page, layout) if layout else extract_generic(page)
    nct_id, related = choose_nct_id(page, found)
    add_prose_facts(found, related)
    record = normalise_record(found, nct_id, related)
    record["source"] = {"file": filename, "format": found.layout, "sha256": hashlib.sha256(raw).hexdigest()}
    record["warnings"] = warnings + found.warnings + record["warnings"]
    return validate(record)


def normalise_record(found, nct_id, related):
    warnings = []
    pick = Picker(found.candidates, warnings).first
    official = pick("official_title", normalise.text_or_none) or pick("subtitle", normalise.text_or_none)
    title = pick("official_title", normalise.text_or_none) or pick("title", normalise.text_or_none) \
        or pick("heading", normalise.text_or_none)
    ages = pick("ages", normalise.age_range) or (None, None)
    criteria = split_criteria(found.criteria_text)
    warnings.extend(criteria.warnings)
    min_age = pick("min_age", normalise.single_age)
    if min_age is None:
        min_age = ages[0]
    if min_age is None and ages == (None, None) and not found.candidates.get("min_age"):
        min_age = age_from_criteria(criteria.items)
    max_age = pick("max_age", normalise.single_age)
    read_date = partial(normalise.iso_date, day_first=normalise.date_order("\n".join(found.prose)))
    record = {
        "source": None,
        "nct_id": nct_id,
        "title": title,
        "official_title": official,
        "acronym": pick("acronym", normalise.text_or_none) or acronym_of(official) or acronym_of(title),
        "phase": pick("phase", normalise.phase),
        "status": pick("status", normalise.status) or shared_site_status(found.sites),
        "study_type": pick("study_type", normalise.study_type),
        "enrollment": pick("enrollment", normalise.enrollment),
        "min_age_years": min_age,
        "max_age_years": max_age if max_age is not None else ages[1],
        "sex": pick("sex", normalise.sex),
        "start_date": pick("start_date", read_date),
        "completion_date": pick("completion_date", read_date),
        "conditions": list(dict.fromkeys(found.conditions)),
        "sponsor": pick("sponsor", sponsor_name),
        "collaborators": [c for c in dict.fromkeys(sponsor_name(c) for c in found.collaborators) if c],
        "countries": [],
        "sites": unique_sites(found.sites),
        "interventions": intervention_list(found, title, related),
        "criteria": numbered(criteria.items),
        "summary": normalise.text_or_none(found.summary),
        "related_nct_ids": related,
        "warnings": warnings,
    }
    record["countries"] = country_list(found, record["sites"], warnings)
    for name in ("start_date", "completion_date"):
        unread = [value for value in found.candidates.get(name, []) if normalise.ambiguous_date(value)]
        if record[name] is None and unread:
            warnings.append(f"The {name.replace('_', ' ')} '{unread[0]}' could be day/month or month/day; it was left empty.")
    return record


class Picker:
    """The first candidate of a field that its normaliser can read (in one of its readings: a translation,
    a value with a remark in brackets); a warning when none can, or when the readable ones disagree."""

    def __init__(self, candidates, warnings):
        self.candidates, self.warnings = candidates, warnings

    def first(self, name, read):
        values = [(raw, labels.first_reading(raw, read)) for raw in self.candidates.get(name, [])]
        readable = [(raw, value) for raw, value in values if value is not None]
        if not readable:
            return None
        distinct = list(dict.fromkeys(str(value) for _, value in readable))
        if len(distinct) > 1 and name not in ("heading", "sponsor", "title"):
            self.warnings.append(f"The page gives more than one {name.replace('_', ' ')} "
                                 f"({'; '.join(distinct[:3])}); the first was kept.")
        return readable[0][1]


def sponsor_name(value):
    """The name without its class ('(Industry)'); a value without letters ('Sponsor: 1') names no one."""
    value = normalise.text_or_none(value)
    return SPONSOR_CLASS.sub("", value).strip() if value and labels.NAME_LETTERS.search(value) else None


def shared_site_status(sites):
    """A trial whose every listed site has the same recruitment status has that status."""
    statuses = {site["status"] for site in sites}
    return statuses.pop() if len(statuses) == 1 else None


def acronym_of(title):
    match = ACRONYM.search(title or "")
    return match.group(1) if match else None


def age_from_criteria(items):
    for kind, text in items:
        if kind == "INCLUSION":
            age = normalise.minimum_age_in_criterion(text)
            if age is not None:
                return age
    return None


def unique_sites(sites):
    seen, result = set(), []
    for site in sites:
        name = normalise.text_or_none(site["name"])
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append({**site, "name": name})
    return result


def country_list(found, sites, warnings):
    codes = []
    for name in found.countries:
        if not name.strip():
            continue
        code = normalise.country_code(name)
        if code:
            codes.append(code)
        else:
            warnings.append(f"'{name.strip()}' is not a country the importer knows; it was skipped.")
    codes.extend(site["country"] for site in sites if site["country"])
    return list(dict.fromkeys(codes))


def intervention_list(found, title, related=()):
    """The page's intervention list when it has one; otherwise the agents its title and text name
    (outside the eligibility criteria, where drugs are named as prior treatments, and outside sentences
    that name another trial's ID, which tell of that trial)."""
    if found.intervention_list_found:
        items = [i for named in found.interventions for i in interventions.normalise(named)]
    else:
        prose = "\n".join(found.prose)
        if found.criteria_text:
            prose = prose.replace(found.criteria_text, "")
        prose = without_sentences_naming(prose, related)
        text = interventions.without_agents_not_given("\n".join(filter(None, [title, prose])))
        names = [code.casefold() for code in code_names(found.labelled_agents)] + interventions.drugs_in_prose(text)
        items = [interventions.intervention(name, "DRUG", None) for name in dict.fromkeys(names)]
    return interventions.merge(items)


CODE_NAME = re.compile(r"^\s*([A-Z]{1,6}-?\d{2,6}[A-Z]?)\b(?![-/.]\d)")


def code_names(values):
    """Code names ('ZN-4412') that open the value of a drug label: the agent under study."""
    return [match.group(1) for match in map(CODE_NAME.match, values) if match]


def numbered(items):
    positions, result = {}, []
    for kind, text in items:
        positions[kind] = positions.get(kind, 0) + 1
        result.append({"kind": kind, "text": text, "position": positions[kind]})
    return result
