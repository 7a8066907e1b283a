"""The extractor for layouts never seen: every label shape the known sites use, headings, runs of bare
values recognised by their shape, and facts stated only in prose ('This is a Phase 3 trial, but it is
not yet recruiting', 'About 356 participants'). Prose facts also fill what a known layout leaves empty."""
import re
from functools import cache

from trials.importer import normalise
from trials.importer.criteria import MARKER, criteria_block
from trials.importer.extract import SHAPES, boundary_test, extract
from trials.importer.layouts import KNOWN
from trials.importer.layouts.base import Layout
from trials.importer.text import NCT_ID, key
from trials.importer.vocab import load_json

BASE_LABELS = {
    "nct_id": ("NCT ID", "NCT Number", "NCT", "ClinicalTrials.gov ID", "ClinicalTrials.gov Identifier", "Trial ID",
               "Study ID", "Registry ID", "Identifier"),
    "official_title": ("Official Title", "Scientific Title", "Full Title"),
    "title": ("Brief Title", "Public Title", "Study Title", "Trial Title", "Title"),
    "acronym": ("Acronym",),
    "phase": ("Phase", "Phases", "Study Phase", "Trial Phase", "Clinical Phase"),
    "status": ("Status", "Overall Status", "Recruitment Status", "Recruitment", "Trial Status", "Study Status"),
    "study_type": ("Study Type", "Study Classification", "Type of Study", "Trial Type"),
    "enrollment": ("Enrollment", "Estimated Enrollment", "Actual Enrollment", "Target Enrollment", "Sample Size",
                   "Participants", "Number of Participants", "Total Enrollment", "Target Sample Size"),
    "ages": ("Ages", "Age", "Age Range", "Age Group", "Ages Eligible for Study", "Eligible Ages", "Age Limits"),
    "min_age": ("Minimum Age", "Min Age", "Lower Age Limit"),
    "max_age": ("Maximum Age", "Max Age", "Upper Age Limit"),
    "sex": ("Sex", "Gender", "Sexes Eligible for Study", "Genders Eligible for Study", "Eligible Sex"),
    "start_date": ("Study Start Date", "Start Date", "Study Start", "Actual Study Start Date",
                   "Estimated Study Start Date", "Date of First Enrollment", "Started"),
    "completion_date": ("Study Completion Date", "Completion Date", "Estimated Study Completion Date",
                        "Actual Study Completion Date", "Est. completion date", "End Date", "Study End Date"),
    "sponsor": ("Lead Sponsor", "Sponsor", "Primary Sponsor", "Sponsored by", "Information provided by (Responsible Party)"),
    "collaborators": ("Collaborators", "Collaborator", "Secondary Sponsors"),
    "conditions": ("Conditions", "Condition", "Health Condition(s)", "Condition or disease"),
    "interventions": ("Interventions", "Intervention", "Drugs / interventions", "Treatments"),
    "criteria": ("Eligibility Criteria", "Eligibility", "Criteria", "Key Eligibility Criteria"),
    "countries": ("Countries", "Country", "Recruitment Countries", "Location Countries"),
}
UNSAFE_ELSEWHERE = {"Source"}  # a site's sponsor label, too vague to read on an unknown page
GENERIC_HEADINGS = {
    "summary": ("Brief Summary", "Summary", "Overview", "Plain-language summary", "Purpose", "About", "Study Summary",
                "Clinical Trial Summary", "What this trial studies", "Lay Summary"),
    "description": ("Detailed Description", "Description", "Full description", "Study Description"),
    "conditions": ("Conditions", "Condition", "Conditions studied", "Diseases"),
    "interventions": ("Interventions", "Intervention", "Treatments", "Arms and Interventions"),
    "locations": ("Locations", "Study Locations", "Trial sites", "Sites", "Where this trial is running",
                  "Contacts and Locations", "Trial Locations"),
    "sponsors": ("Sponsors", "Sponsors and Collaborators"),
    "countries": ("Countries", "Recruitment Countries"),
    "related": ("Related Clinical Trials", "More Related Trials", "Related Trials", "Similar Trials", "Similar Studies",
                "Related Studies", "Similar clinical trials", "Other trials you may like", "You may also be interested in",
                "Recommended Trials", "Trials like this"),
    "references": ("References", "Publications", "Citations"),
}
FACT_FIELDS = ("status", "phase", "enrollment", "study_type", "ages", "sex")
CHECKED_BY_SHAPE = {"phase", "status", "study_type", "enrollment", "ages", "min_age", "max_age", "sex", "start_date",
                    "completion_date"}
SENTENCE_LABELS = re.compile(r"\b(?:status|phase|sponsor|nct id|enrollment|start date)\s*:", re.IGNORECASE)
TITLE_WINDOW = 3


def merged(groups):
    result = {}
    for group in groups:
        for role, texts in group.items():
            result[role] = tuple(dict.fromkeys(result.get(role, ()) + tuple(texts)))
    return result


@cache
def generic_layout():
    labels = merged([BASE_LABELS] + [
        {name: tuple(t for t in texts if t not in UNSAFE_ELSEWHERE) for name, texts in layout.labels.items()
         if name not in ("locations_summary",)} for layout in KNOWN])
    headings = tuple(dict.fromkeys(h for layout in KNOWN for h in layout.all_headings))
    return Layout(
        name="generic",
        features=(),
        labels=labels,
        glued="upper",
        ignored_labels=tuple(dict.fromkeys(t for layout in KNOWN for t in layout.ignored_labels)),
        sections=merged([GENERIC_HEADINGS]),
        headings=headings,
        title=None,
        strict_fields=frozenset(labels) - CHECKED_BY_SHAPE,
        noise=("Image", "Menu", "Skip to content", "Skip to main content", "Clinical Trials Logo", "Logo", "Share",
               "Print", "Back to search", "Back to results"),
    )


def extract_generic(page):
    layout = generic_layout()
    found = extract(page, layout)
    read_fact_runs(page, found)
    read_heading_title(page, layout, found)
    if found.criteria_text is None:
        find_criteria(page, layout, found)
    found.warnings.append("The page's layout is not one the importer knows; every value was read by the general rules, so check them.")
    return found


def read_fact_runs(page, found):
    """Runs of three or more bare lines that each read as a status, phase, enrollment, study type, age
    range or sex (a facts box without labels). Two dates in such a run are the start and completion."""
    run = []
    for index, line in enumerate(page.lines):
        text = line.strip()
        if not text:
            continue
        facts = None if index in found.excluded_lines else classify(text)
        if facts:
            run.append(facts)
        else:
            take_run(run, found)
            run = []
    take_run(run, found)


def classify(text):
    if len(text) > 60:
        return None
    for name in FACT_FIELDS:
        if SHAPES[name](text) is not None:
            return name, text
    if normalise.iso_date(text):
        return "date", text
    return None


def take_run(run, found):
    names = [name for name, _ in run if name != "date"]
    if len(set(names)) < 3 or len(names) != len(set(names)):
        return
    for name, text in run:
        if name != "date":
            found.add(name, text)
    dates = [text for name, text in run if name == "date"]
    if len(dates) == 2:
        found.add("start_date", dates[0])
        found.add("completion_date", dates[1])


def read_heading_title(page, layout, found):
    """The page's main heading: among its first lines, the first that reads like a trial title."""
    label_start = re.compile(r"^\s*(?:%s)\s*:" % "|".join(re.escape(label.text) for label in layout.label_list),
                             re.IGNORECASE)
    window = [line.strip() for i, line in enumerate(page.lines)
              if line.strip() and i not in found.excluded_lines][:TITLE_WINDOW]
    for line in window:
        text = re.sub(r"\s*\|.*$", "", NCT_ID.sub("", line)).strip(" ()|")
        words = text.split()
        if (len(words) < 4 or text.endswith(("…", ":")) or key(text) in layout.heading_keys
                or SENTENCE_LABELS.search(text) or label_start.match(line) or ". " in text
                or (text.endswith(".") and len(words) > 25) or len(words) > 60):
            continue
        found.add("heading", text)
        return


LABEL_LINE = re.compile(r"^[A-Z][\w /()#'-]{1,40}:\s+\S")


def find_criteria(page, layout, found):
    """The eligibility block that starts at the first 'Inclusion Criteria' header; on an unknown page
    any 'Label: value' line also ends it."""
    known_boundary = boundary_test(layout)

    def is_boundary(line):
        return known_boundary(line) or (LABEL_LINE.match(line.strip()) and not MARKER.match(line.strip()))
    for index, line in enumerate(page.lines):
        if index not in found.excluded_lines and MARKER.search(line):
            found.criteria_text = criteria_block(page.lines, index, is_boundary)
            return


# --- facts stated in prose ---------------------------------------------------------------------------

PROSE_PHASE = re.compile(
    r"\b(?:early\s+)?phase\s*(?:[1-4]|iv|iii|ii|i)\b(?:\s*(?:/|-|and|or)\s*(?:phase\s*)?(?:[1-4]|iv|iii|ii|i)\b)?",
    re.IGNORECASE,
)
PROSE_ENROLLMENT = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|an estimated|a total of|up to|total of|includes?|including|"
    r"enrol(?:l|ls|ling)?|recruit(?:s|ing)?|with only|only)\s+(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w/-]+\s+)?"
    r"(?:participants|patients|adults|people|subjects|volunteers|children|individuals|men|women)\b",
    re.IGNORECASE,
)


def add_prose_facts(found):
    """Fill phase, status, enrollment and sex from the page's prose where no field gave them, and only
    when every mention agrees."""
    text = "\n".join(found.prose)
    fill(found, "phase", {normalise.phase(m.group(0)) for m in PROSE_PHASE.finditer(text)} - {None})
    fill(found, "status", phrases(text, "statuses.json"))
    fill(found, "enrollment", {m.group(1).replace(",", "") for m in PROSE_ENROLLMENT.finditer(text)})
    fill(found, "sex", phrases(text, "sexes.json"))


def phrases(text, vocabulary):
    return {code for code, pattern in phrase_patterns(vocabulary) if pattern.search(text)}


@cache
def phrase_patterns(vocabulary):
    return [(code, re.compile("|".join(patterns), re.IGNORECASE))
            for code, patterns in load_json(vocabulary)["phrases"].items()]


def fill(found, name, values):
    if found.candidates.get(name) or not values:
        return
    if len(values) == 1:
        found.add(name, values.pop())
    else:
        found.warnings.append(f"The text names more than one {name.replace('_', ' ')} ({', '.join(sorted(values))}); "
                              "it was left empty.")
