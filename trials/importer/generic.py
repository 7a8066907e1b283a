"""The extractor for layouts never seen: every label shape the known sites use, headings, runs of bare
values recognised by their shape, and facts stated only in prose ('This is a Phase 3 trial, but it is
not yet recruiting', 'About 356 participants'). Prose facts also fill what a known layout leaves empty."""
import re
from functools import cache

from trials.importer import interventions, labels, locations, normalise
from trials.importer.criteria import ITEM_LINE, MARKER, criteria_block, marker_kind
from trials.importer.extract import SHAPES, boundary_test, extract, in_arm_block
from trials.importer.layouts import KNOWN
from trials.importer.layouts.base import Layout
from trials.importer.text import NCT_ID, key, without_sentences_naming
from trials.importer.vocab import load_json

BASE_LABELS = {
    "nct_id": ("NCT ID", "NCT Number", "NCT", "ClinicalTrials.gov ID", "ClinicalTrials.gov Identifier", "Trial ID",
               "Study ID", "Registry ID", "Identifier", "Study Number"),
    "official_title": ("Official Title", "Scientific Title", "Full Title", "Full title of the trial", "Official Study Title"),
    "title": ("Brief Title", "Public Title", "Study Title", "Trial Title", "Title"),
    "acronym": ("Acronym",),
    "phase": ("Phase", "Phases", "Study Phase", "Trial Phase", "Clinical Phase", "Study phase",
              "Phase of Trial"),
    "status": ("Status", "Overall Status", "Recruitment Status", "Recruitment", "Trial Status", "Study Status",
               "Accrual Status", "Overall Trial Status", "Recruiting status", "Recruitment Status of Trial"),
    "study_type": ("Study Type", "Study Classification", "Type of Study", "Trial Type", "Type"),
    "enrollment": ("Enrollment", "Estimated Enrollment", "Actual Enrollment", "Target Enrollment", "Sample Size",
                   "Participants", "Number of Participants", "Total Enrollment", "Target Sample Size", "Target Accrual",
                   "Target number of participants", "Planned number of subjects", "Planned number of subjects in the EEA", "Planned number of patients",
                   "Planned number of participants", "Estimated enrollment", "Target enrollment"),
    "ages": ("Ages", "Age", "Age Range", "Age Group", "Ages Eligible for Study", "Eligible Ages", "Age Limits",
             "Age Eligibility"),
    "min_age": ("Minimum Age", "Min Age", "Lower Age Limit", "Age Minimum", "Inclusion age min", "Inclusion agemin"),
    "max_age": ("Maximum Age", "Max Age", "Upper Age Limit", "Age Maximum", "Inclusion age max", "Inclusion agemax"),
    "sex": ("Sex", "Gender", "Sexes Eligible for Study", "Genders Eligible for Study", "Eligible Sex", "Inclusion gender"),
    "start_date": ("Study Start Date", "Start Date", "Study Start", "Actual Study Start Date",
                   "Estimated Study Start Date", "Date of First Enrollment", "Started", "Start", "Start of trial",
                   "Trial start date", "Estimated Study Start", "Date of first enrolment", "Start of study",
                   "Date of first participant enrolment", "Study start"),
    "completion_date": ("Study Completion Date", "Completion Date", "Estimated Study Completion Date",
                        "Actual Study Completion Date", "Est. completion date", "End Date", "Study End Date", "Study Completion",
                        "Estimated Study Completion", "Anticipated Completion", "Anticipated study end date", "End",
                        "End of trial", "Estimated end of trial", "Trial end date", "End of study", "Est. completion",
                        "Estimated study completion", "Completion"),
    "period": ("Study execute time", "Study period", "Trial period", "Study dates", "Study duration"),
    "sponsor": ("Lead Sponsor", "Sponsor", "Primary Sponsor", "Sponsored by", "Information provided by (Responsible Party)",
                "Sponsor name", "Lead Group", "Lead Organisation", "Lead Organization"),
    "collaborators": ("Collaborators", "Collaborator", "Secondary Sponsors"),
    "conditions": ("Conditions", "Condition", "Health Condition(s)", "Condition or disease", "Medical condition",
                   "Cancer type", "Disease", "Diseases", "Condition(s)", "Target disease",
                   "Health condition(s) or problem(s) studied"),
    "interventions": ("Interventions", "Intervention", "Drugs / interventions", "Treatments"),
    "criteria": ("Eligibility Criteria", "Eligibility", "Criteria", "Key Eligibility Criteria"),
    "countries": ("Countries", "Country", "Recruitment Countries", "Location Countries", "Countries of recruitment",
                  "Member states concerned"),
    "sites": ("Participating sites", "Participating centres", "Participating centers", "Centres participants",
              "Participating hospitals"),
}
IGNORED = ("Target disease code", "Recruiting time", "Last update", "Primary sponsor type", "Primary completion",
           "Primary completion date", "Estimated primary completion", "Date of last participant enrolment",
           "Secondary sponsor category", "Funding source category")
UNSAFE_ELSEWHERE = {"Source"}  # a site's sponsor label, too vague to read on an unknown page
GENERIC_HEADINGS = {
    "summary": ("Brief Summary", "Summary", "Overview", "Plain-language summary", "Purpose", "About", "Study Summary",
                "Clinical Trial Summary", "What this trial studies", "Lay Summary"),
    "description": ("Detailed Description", "Description", "Full description", "Study Description"),
    "conditions": ("Conditions", "Condition", "Conditions studied", "Diseases"),
    "interventions": ("Interventions", "Intervention", "Treatments", "Arms and Interventions"),
    "locations": ("Locations", "Study Locations", "Trial sites", "Sites", "Where this trial is running",
                  "Contacts and Locations", "Trial Locations", "Where", "Participating sites", "Study sites",
                  "Hospitals taking part", "Participating centres", "Participating hospitals", "Locations & Contacts",
                  "Recruitment centres", "Recruitment centers", "Institutions", "Institution name",
                  "Countries of recruitment and research settings", "Participating institutions"),
    "sponsors": ("Sponsors", "Sponsors and Collaborators"),
    "countries": ("Countries", "Recruitment Countries", "Participating countries", "Recruiting countries",
                  "Study countries", "Trial countries"),
    "related": ("Related Clinical Trials", "More Related Trials", "Related Trials", "Similar Trials", "Similar Studies",
                "Related Studies", "Similar clinical trials", "Other trials you may like", "You may also be interested in",
                "Recommended Trials", "Trials like this", "Trials you might also like", "You might also like", "Related articles", "Related news",
                "You might also be interested in"),
    "asides": ("FAQ", "FAQs", "Frequently asked questions", "Newsletter", "Stay informed"),
    "arms": ("Treatment", "Treatment plan", "Treatments given", "Study arms", "Treatment arms", "Arms", "Schema"),
    "references": ("References", "Publications", "Citations"),
}
OTHER_HEADINGS = ("Secondary IDs", "IPD sharing plan", "Attached files", "Contact Us", "Contact the study team",
                  "Trial Objectives and Outline", "Principal Investigator", "Chief Investigator", "Supported by",
                  "Other information", "Hospital visits", "Trial design", "Outcomes", "Outcome(s)", "Key dates",
                  "Contact", "Contacts", "Enquiries", "Enquiry", "Inquiries", "Inquiry", "Contact person",
                  "Talk to the study team", "Questions", "Objectives", "Patient population", "Study population",
                  "Population", "Selection criteria")
FACT_FIELDS = ("status", "phase", "enrollment", "study_type", "ages", "sex")
CHECKED_BY_SHAPE = {"phase", "status", "study_type", "enrollment", "ages", "min_age", "max_age", "sex", "start_date",
                    "completion_date"}
SENTENCE_LABELS = re.compile(r"\b(?:status|phase|sponsor|nct id|enrollment|start date)\s*:", re.IGNORECASE)
TITLE_WINDOW = 3
TITLE_SCAN = 30
FURNITURE = re.compile(
    r"\bcookies?\b|\bnewsletter\b|\bsign (?:up|in)\b|\blog ?in\b|\bsubscribe\b|\bskip to\b|\bprivacy\b|"
    r"all rights reserved|©|\bback to\b|^[←‹«<]|\bshare this\b|\baccessibility\b|\bdonate\b|\bmenu\b", re.I)
# 'Home > …', 'A > B > C', or a trail that ends at the trial's ID ('Nasopharyngeal Cancer > Trial NCT…')
BREADCRUMB = re.compile(r"^home\s*[›»>→/]|\s[›»>→]\s.*\s[›»>→]\s|\s[›»>→]\s[^›»>→]*\bNCT\d{8}\s*$", re.I)
BUTTON_ROW = re.compile(r"\S {3,}\S")
BREADCRUMB_TAIL = re.compile(r"[›»>→]\s*(?P<tail>[^›»>→]+)$")
LONG_TITLE = 8
STUDY_WORDS = re.compile(r"\b(?:study|trial|phase|randomi[sz]ed|versus|vs\.?|compar\w+|evaluat\w+)\b", re.I)
DISEASE_WORDS = re.compile(
    r"\b(?:cancers?|carcinomas?|tumou?rs?|neoplasms?|malignan\w+|lymphomas?|sarcomas?|melanomas?|metasta\w+|"
    r"mucositis|xerostomia|dysphagia|\w+pharyn\w+|laryn\w+|oral cavity|head and neck)\b", re.I)
EMPTY_BRACKETS = re.compile(r"\s*[(\[]\s*[)\]]")
CARD_SEPARATOR = re.compile(r"\s+[·|]\s+|\s{3,}")
CARD_REACH = 6
TAGS = re.compile(r"^(?:\[[^\]\n]{1,40}\]\s*)+")  # '[Oncology] [Head and Neck] Recruiting'
ID_PIECE = re.compile(r"(?:[^:\n]{1,30}:\s*)?NCT\d{8}", re.I)  # 'NCT…', 'Trial ID: NCT…'
PLACE_COUNT = re.compile(r"\d+\s+(?:locations?|sites?|centres?|centers?|hospitals?|countries)", re.I)  # '12 locations'
UPDATE_STAMP = re.compile(r"(?:last\s+)?updated\b.*", re.I)  # 'Updated Feb 2025'
SYMBOLS = re.compile(r"^[^\w(+]+")


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
    headings = tuple(dict.fromkeys(OTHER_HEADINGS + tuple(h for layout in KNOWN for h in layout.all_headings)))
    return Layout(
        name="generic",
        features=(),
        labels=labels,
        glued="upper",
        ignored_labels=tuple(dict.fromkeys(IGNORED + tuple(t for layout in KNOWN for t in layout.ignored_labels))),
        sections=merged([GENERIC_HEADINGS]),
        headings=headings,
        title=None,
        strict_fields=frozenset(labels) - CHECKED_BY_SHAPE,
        interventions_style="auto",
        noise=("Image", "Menu", "Skip to content", "Skip to main content", "Clinical Trials Logo", "Logo", "Share",
               "Print", "Back to search", "Back to results"),
    )


def run_on_labels():
    """Labels at which a line whose breaks were lost is split."""
    return tuple(label.text for label in generic_layout().label_list) + ("Inclusion Criteria", "Exclusion Criteria")


def extract_generic(page):
    layout = generic_layout()
    found = extract(page, layout)
    read_fact_runs(page, found)
    labels.read_classified(page, found, in_arm_block, skip=found.excluded_lines)
    read_ticked(page, found)
    read_heading_title(page, layout, found)
    had_sites = bool(found.sites)
    for heading in locations.location_headings(page, found.excluded_lines):
        section = page.section((heading,), layout.all_headings) or []
        found.countries.extend(locations.counted_countries(section) + locations.listed_countries(section))
        if not had_sites:
            found.sites.extend(locations.read_sites(section, locations.heading_place(heading)))
    if not found.sites:
        found.sites.extend(locations.indexed_sites(line for i, line in enumerate(page.lines) if i not in found.excluded_lines))
    if found.criteria_text is None:
        find_criteria(page, layout, found)
    if found.criteria_text is not None:
        find_later_criteria(page, layout, found)
    found.warnings.append("The page's layout is not one the importer knows; every value was read by the general rules, so check them.")
    return found


SECTION_NUMBER = re.compile(r"^[A-Z]?(?:\.?\d+)+\.?\s+")  # 'E.7.3 ', 'F.2.1 '


def read_ticked(page, found):
    """A registry's checklist: 'Therapeutic confirmatory (Phase III): Yes' names the phase when it is the
    only phase ticked; 'Female: Yes' and 'Male: Yes' the sexes taking part. Only fields still empty."""
    ticked = [SECTION_NUMBER.sub("", label) for index, line in enumerate(page.lines)
              if index not in found.excluded_lines and ":" in line and line.split()[-1].casefold() in ticked_words()
              for label, value in labels.pairs_in_line(line) if labels.fold(value) in ticked_words()]
    phases = {normalise.phase(label): label for label in ticked}
    sexes = {normalise.sex(label): label for label in ticked}
    phases.pop(None, None)
    sexes.pop(None, None)
    if len(phases) == 1 and not found.candidates.get("phase"):
        found.add("phase", phases.popitem()[1])
    if sexes and not found.candidates.get("sex"):
        found.add("sex", sexes.popitem()[1] if len(sexes) == 1 else "All")


@cache
def ticked_words():
    return frozenset(load_json("label_words.json")["ticked"])


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


def card_piece(text):
    """A piece of a heading's card: a bare fact, the countries the trial runs in ('Egypt, Turkey'), or a
    fact after its label with no colon ('Status Terminated', 'Start Dec 2020')."""
    parts = [part for part in normalise.split_countries(text, at_and=True) if part.strip()]
    if parts and all(normalise.country_code(part) for part in parts):
        return "countries", text
    return classify(text) or labelled_fact(text) or card_place(text)


def card_place(text):
    """A card's place ('Houston, TX', 'Goyang, South Korea'): the country it names, read as the countries."""
    address = locations.read_address(text) if "," in text else None
    return ("countries", address.country) if address and address.country else None


CARD_LABEL_WORDS = 3
CARD_FIELDS = set(FACT_FIELDS) | {"start_date", "completion_date", "min_age", "max_age"}


def labelled_fact(text):
    """(field, value) for a piece that opens with a short label the classifier maps to a card's field and
    goes on with a value that field reads; None otherwise."""
    words = text.split()
    for size in range(1, min(CARD_LABEL_WORDS, len(words) - 1) + 1):
        read = labels.classify_pair(" ".join(words[:size]), " ".join(words[size:]))
        if read and read[0] in CARD_FIELDS:
            return read
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
    """The page's main heading: of the lines above its first label or section, the one that reads most
    like a study title (naming a study, a disease, a treatment); failing that, the first plausible line.
    Site furniture (cookie and newsletter lines, breadcrumbs, button rows) is never a title. Bare facts
    printed beside the heading (a card's 'RECRUITING', 'Phase 2', 'NCT… · Interventional · 60
    participants') are read too."""
    label_start = layout.label_start
    candidates = []
    for index, line in enumerate(page.lines):
        if index in found.excluded_lines or not line.strip():
            continue
        if (label_start.match(line) or page.keys[index] in layout.heading_keys or MARKER.search(line)
                or len(candidates) >= TITLE_SCAN):
            break
        is_card = CARD_SEPARATOR.search(line.strip()) and card_facts(line)[0]
        text = None if TAGS.match(line.strip()) or is_card else title_text(line, layout)
        candidates.append((index, text, study_signals(text) if text else 0))
    read_tag_lines(page, found, [index for index, _, _ in candidates])
    read_status_line(page, found, [index for index, _, _ in candidates])
    best = max((c for c in candidates if c[1] and c[2]), key=lambda c: (c[2], len(c[1].split()) >= 5), default=None)
    best = best or next((c for c in candidates[:TITLE_WINDOW] if c[1]), None)
    if best:
        found.add("heading", best[1])
        read_heading_card(page, found, best[0])


def title_text(line, layout):
    """The line as a title (without NCT IDs and a '| Site name' tail), or None when it cannot be one. A
    breadcrumb whose line break was lost ('Home > Research > Head & Neck Metronomic capecitabine as …')
    ends in the title."""
    crumbs = BREADCRUMB_TAIL.search(line) if BREADCRUMB.search(line) else None
    if crumbs and len(crumbs["tail"].split()) >= LONG_TITLE:
        line = crumbs["tail"]
    text = re.sub(r"\s*\|.*$", "", EMPTY_BRACKETS.sub("", NCT_ID.sub("", line))).strip(" |")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    words = text.split()
    if (len(words) < 4 or text.endswith(("…", ":", "!")) or (text.endswith("?") and not is_question_title(text)) or key(text) in layout.heading_keys
            or SENTENCE_LABELS.search(text) or key(text.split(":")[0]) in layout.heading_keys or ". " in text or (text.endswith(".") and len(words) > 25)
            or len(words) > 60 or is_site_furniture(line)):
        return None
    return text


QUESTION_HEADING = re.compile(r"^(?:who|what|how|where|when|why|which|is|am|are)\b", re.I)


def is_question_title(text):
    """'Could starting with chemotherapy help people keep their voice box?': a plain-language site's title
    asks of the trial; 'Who can join this study?' and 'What is involved?' head the page's sections."""
    return len(text.split()) >= 6 and not QUESTION_HEADING.match(text)


NAV_SEPARATOR = re.compile(r"\s+[·|•]\s+")
NAV_PIECE_WORDS = 4


def is_site_furniture(line):
    return bool(FURNITURE.search(line) or BREADCRUMB.search(line) or BUTTON_ROW.search(line) or is_nav_row(line))


def is_nav_row(line):
    """'Trialwise · Head and neck cancer · Study': three or more short pieces set apart by dots or bars, the
    site's name and sections, not a title."""
    pieces = NAV_SEPARATOR.split(line.strip())
    return len(pieces) >= 3 and all(len(piece.split()) <= NAV_PIECE_WORDS for piece in pieces)


def study_signals(text):
    """How many of 'a study', 'a disease', 'a treatment' a line names."""
    treatment = interventions.drugs_in_prose(text) or interventions.generic_term(text)
    return bool(STUDY_WORDS.search(text)) + bool(DISEASE_WORDS.search(text)) + bool(treatment)


def read_heading_card(page, found, heading):
    """The heading's card: lines of bare facts in its paragraph, up to CARD_REACH lines above and below it
    (a card may hold other lines, such as the sponsor's name, between them). A lone status counts as a
    badge: in capitals ('RECRUITING'), or beside the trial's ID ('Trial ID: NCT… · Recruiting')."""
    facts, badge = [], False
    for step in (-1, 1):
        index = heading + step
        if step == 1 and index + 1 < len(page.lines) and not page.lines[index].strip():
            index += 1  # a heading alone in its paragraph: its card is the paragraph below
        while (0 <= index < len(page.lines) and abs(index - heading) <= CARD_REACH and page.lines[index].strip()
               and index not in found.excluded_lines):
            read, beside_id = card_facts(page.lines[index])
            facts.extend(read)
            badge = badge or (len(read) == 1 and read[0][0] == "status" and (beside_id or read[0][1].isupper()))
            index += step
    names = [name for name, _ in facts]
    if (len(names) >= 2 and len(names) == len(set(names))) or (badge and names == ["status"]):
        for name, text in facts:
            if name == "countries":
                found.countries.extend(part for part in normalise.split_countries(text, at_and=True) if part.strip())
            else:
                found.add(name, text)


def card_facts(line):
    """([(field, text)], whether an NCT ID stood beside them) when a line is wholly bare facts, pieces
    split at ' · ', ' | ' or wide gaps, each without its leading icon or tags ('👥 70 participants',
    '[Head and Neck] Recruiting'); ([], False) otherwise. Beside an ID, a last piece naming an organisation
    is the sponsor. Dates, a count of the trial's places ('12
    locations') and an update stamp ('Updated Feb 2025') are left out."""
    pieces = [SYMBOLS.sub("", TAGS.sub("", piece)).strip() for piece in CARD_SEPARATOR.split(line.strip())]
    facts = [piece for piece in pieces if piece and not any(p.fullmatch(piece) for p in (ID_PIECE, PLACE_COUNT, UPDATE_STAMP))]
    read = [card_piece(piece) for piece in facts]
    beside_id = any(ID_PIECE.fullmatch(piece) for piece in pieces)
    if beside_id and len(read) > 1 and read[-1] is None and locations.is_organisation(facts[-1]):
        read[-1] = ("sponsor", facts[-1])  # 'NCT… · Phase 3 · Recruiting · Rakuten Medical, Inc.'
    if not facts or None in read:
        return [], False
    return [r for r in read if r[0] != "date"], beside_id


def read_tag_lines(page, found, indexes):
    """'[Oncology] [Head and Neck] Recruiting': a line of tags closed by a status, in the page's title block."""
    for index in indexes:
        if TAGS.match(page.lines[index].strip()):
            read, _ = card_facts(page.lines[index])
            if [name for name, _ in read] == ["status"]:
                found.add("status", read[0][1])


def read_status_line(page, found, indexes):
    """A status alone on its line in the page's title block ('Recruiting', 'Open to new participants'),
    when it is the block's only such line."""
    read = [labels.first_reading(page.lines[index].strip(), normalise.status) for index in indexes]
    lines = [index for index, status in zip(indexes, read) if status]
    if len(lines) == 1:
        found.add("status", page.lines[lines[0]].strip())


LABEL_LINE = re.compile(r"^[A-Z][\w /()#'-]{1,40}:\s+\S")


def find_criteria(page, layout, found):
    """The eligibility block that starts at the first 'Inclusion Criteria' header whose block lists items
    (a 'Who can join' heading over a sentence of prose gives way to a later 'Inclusion:' list); on an
    unknown page any 'Label: value' line also ends it."""
    known_boundary = boundary_test(layout)

    def is_boundary(line):
        if ITEM_LINE.match(line):  # '- Age 18 years or older' is an item, not the label 'Age'
            return False
        return known_boundary(line) or (LABEL_LINE.match(line.strip()) and not MARKER.match(line.strip()))
    blocks = [criteria_block(page.lines, index, is_boundary) for index, line in enumerate(page.lines)
              if index not in found.excluded_lines and MARKER.search(line)]
    listed = [block for block in blocks if any(ITEM_LINE.match(line) for line in block.split("\n")[1:])]
    found.criteria_text = next(iter(listed or blocks), None)


def find_later_criteria(page, layout, found):
    """A registry may print its exclusion list away from the inclusion one ('Key exclusion criteria'
    after the age and sex fields): a kind the eligibility block lacks is read where it stands."""
    kinds = {marker_kind(m) for m in MARKER.finditer(found.criteria_text or "")}
    known_boundary = boundary_test(layout)
    for index, line in enumerate(page.lines):
        marker = MARKER.match(line.strip())
        if index in found.excluded_lines or not marker or marker_kind(marker) in kinds:
            continue
        kinds.add(marker_kind(marker))
        found.criteria_text = "\n".join(filter(None, [found.criteria_text,
                                                         criteria_block(page.lines, index, known_boundary)]))


# --- facts stated in prose ---------------------------------------------------------------------------

PROSE_PHASE = re.compile(
    r"\b(?:early\s+)?phase\s*(?:[1-4]|iv|iii|ii|i)[ab]?\b(?:\s*(?:/|-|and|or)\s*(?:phase\s*)?(?:[1-4]|iv|iii|ii|i)[ab]?\b)?",
    re.IGNORECASE,
)
PROSE_ENROLLMENT = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|an estimated|a total of|up to|total of|includes?|including|"
    r"enrol(?:l|ls|ling)?|recruit(?:s|ing)?|with only|only)\s+(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w/-]+\s+)?"
    r"(?:participants|patients|adults|people|subjects|volunteers|children|individuals|men|women)\b",
    re.IGNORECASE,
)


PROSE_AGES = re.compile(
    r"\b(?:adults?|people|patients|participants|volunteers|men and women)\s+(?:aged\s+|of\s+)?"
    r"(\d{1,2}\s*(?:years?\s*)?(?:to|-|–)\s*\d{2,3}\s*(?:years?)?|"
    r"\d{1,2}\s*(?:years?\s*)?(?:of age\s*)?(?:and|or)\s+(?:older|over|above))\b",
    re.IGNORECASE,
)
PROSE_COUNTRIES = re.compile(r"\bcountries\s*(?::|including)\s*(?P<list>[^.\n]+)", re.IGNORECASE)


def add_prose_facts(found, related=()):
    """Fill phase, status, enrollment, ages and sex from the page's prose where no field gave them, and
    only when every mention agrees (a phase not in a sentence naming another trial:
    'not eligible for NCT… (phase 3)'); and the countries a sentence lists ('… in the following countries:
    United States, Canada, …') when the page names none by label."""
    text = "\n".join(found.prose)
    own = without_sentences_naming(text, related)
    fill(found, "phase", {normalise.phase(m.group(0)) for m in PROSE_PHASE.finditer(own)} - {None})
    fill(found, "status", phrases(text, "statuses.json"))
    fill(found, "enrollment", {m.group(1).replace(",", "") for m in PROSE_ENROLLMENT.finditer(text)})
    if not any(found.candidates.get(name) for name in ("min_age", "max_age")):
        ages = {normalise.age_range(m.group(1)): m.group(1) for m in PROSE_AGES.finditer(text)}
        fill(found, "ages", {phrase for age, phrase in ages.items() if age})
    fill(found, "sex", phrases(text, "sexes.json"))
    if not found.countries:
        found.countries.extend(prose_countries(text))


def prose_countries(text):
    """The names of every list of countries a sentence gives, when each item is a country."""
    names = []
    for match in PROSE_COUNTRIES.finditer(text):
        items = [item.strip() for item in normalise.split_countries(match["list"], at_and=True) if item.strip()]
        if items and all(normalise.country_code(item) for item in items):
            names.extend(items)
    return names


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
