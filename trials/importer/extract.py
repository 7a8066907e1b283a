"""Stage 3: the shared extractor. A Layout (data) and a Page in, raw field values out; nothing here is
normalised yet, except where a value's shape is what identifies it."""
import re
from collections import defaultdict
from dataclasses import dataclass, field

from trials.importer import interventions, locations, normalise
from trials.importer.criteria import MARKER, criteria_block
from trials.importer.identifiers import other_study_lines
from trials.importer.text import NCT_ID, Page, key, pipe_tables

SCALARS = {
    "title", "official_title", "acronym", "phase", "status", "study_type", "enrollment", "ages", "min_age",
    "max_age", "sex", "start_date", "completion_date", "sponsor",
}
SPONSOR_CLASSES = {"other", "industry", "nih", "fed", "other_gov", "network", "indiv", "ambig", "unknown",
                   "u.s. fed", "government", "academic"}
SHAPES = {
    "status": normalise.status,
    "phase": normalise.phase,
    "study_type": normalise.study_type,
    "enrollment": lambda v: normalise.enrollment(v) if re.search(r"[a-z]", v, re.I) else None,
    "start_date": normalise.iso_date,
    "completion_date": normalise.iso_date,
    "ages": lambda v: normalise.age_range(v) if re.search(r"year|yrs?\b|month|\+|older|up\b|\bage[sd]?\b", v, re.I) else None,
    "min_age": lambda v: normalise.single_age(v) if re.search(r"year|month", v, re.I) else None,
    "max_age": lambda v: normalise.single_age(v) if re.search(r"year|month", v, re.I) else None,
    "sex": normalise.sex,
}


@dataclass
class Extracted:
    """Raw values read from one page, in the order of trust (labelled before inferred)."""
    layout: str
    candidates: dict = field(default_factory=lambda: defaultdict(list))
    conditions: list = field(default_factory=list)
    interventions: list = field(default_factory=list)  # interventions.Named
    intervention_list_found: bool = False
    prose: list = field(default_factory=list)
    sites: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    collaborators: list = field(default_factory=list)
    criteria_text: str | None = None
    summary: str | None = None
    labelled_ids: list = field(default_factory=list)
    labelled_agents: list = field(default_factory=list)  # values of drug labels the classifier mapped
    excluded_lines: set = field(default_factory=set)
    first_section: int | None = None  # index of the page's first section heading
    place_hint: str | None = None
    warnings: list = field(default_factory=list)

    def add(self, name, value):
        if value and value.strip():
            self.candidates[name].append(value.strip())


def extract(page: Page, layout) -> Extracted:
    found = Extracted(layout.name)
    found.first_section = next((i for i, k in enumerate(page.keys) if k in layout.heading_keys), None)
    mark_excluded(page, layout, found)
    read_labels(page, layout, found)
    read_line_patterns(page, layout, found)
    read_facts(page, layout, found)
    read_sections(page, layout, found)
    read_tables(page, found)
    read_title(page, layout, found)
    found.prose.append("\n".join(line for i, line in enumerate(page.lines) if i not in found.excluded_lines))
    if layout.hook:
        layout.hook(page, found)
    return found


def mark_excluded(page, layout, found):
    """Related-trial lists and references describe other studies, and asides (FAQs, newsletters) no study:
    nothing is read from them. An aside ends at a site list's heading ('Find a Study Site'). Nor from a block under any short heading that introduces other studies, nor a site's own status in a site list."""
    roles = sum((layout.sections.get(role, ()) for role in ("related", "references")), ())
    for start, end in page.spans(roles, layout.all_headings):
        found.excluded_lines.update(range(start, end))
    for start, end in page.spans(layout.sections.get("asides", ()), layout.all_headings):
        end = next((i for i in range(start + 1, end) if locations.is_location_heading(page, i)), end)
        found.excluded_lines.update(range(start, end))
    found.excluded_lines.update(i for i, k in enumerate(page.keys) if k in layout.noise_keys)
    found.excluded_lines.update(other_study_lines(page))
    found.excluded_lines.update(locations.site_field_lines(page, layout.all_headings, found.excluded_lines))


def read_labels(page, layout, found):
    headings = {i for i, k in enumerate(page.keys) if k in layout.heading_keys and k not in layout.label_index.keys}
    for name, value, index in page.labelled(layout.label_index, next_line=layout.next_line, skip=found.excluded_lines | headings):
        if name not in SCALARS and name != "criteria" and is_sentence(value):
            continue
        if name == "enrollment" and in_arm_block(page, index):
            continue
        if name in SCALARS:
            found.add(name, value)
        elif name == "period":
            read_period(value, found)
        elif name == "nct_id":
            found.labelled_ids.extend(NCT_ID.findall(value))
        elif name == "conditions":
            for line in [value] + more_conditions(page, index, value):
                found.conditions.extend(normalise.split_conditions(line))
        elif name == "interventions":
            found.intervention_list_found = True
            found.interventions.extend(listed_interventions(value))
        elif name == "criteria" and found.criteria_text is None:
            found.criteria_text = criteria_block(page.lines, index, boundary_test(layout))
        elif name == "countries":
            found.countries.extend(normalise.split_countries(value))
        elif name == "sites":
            found.sites.extend(locations.listed_sites(value))
        elif name == "collaborators":
            found.collaborators.extend(re.split(r";", value))
        elif name == "locations_summary":
            found.place_hint = first_place(value)
        elif name == "summary" and found.summary is None:
            found.summary = value


ARM_LINE = re.compile(r"^\s*(?:group|arm|cohort)\b[^:]{0,40}:", re.IGNORECASE)


def read_period(value, found):
    """'From 2024-06-01 To 2030-12-31': the study's start and completion."""
    dates = normalise.period(value)
    if dates:
        found.add("start_date", dates[0])
        found.add("completion_date", dates[1])


def in_arm_block(page, index):
    """A count under a 'Group: …' or 'Arm …:' line is that group's size, not the trial's."""
    above = [line for line in page.lines[max(0, index - 3):index] if line.strip()]
    return bool(above) and bool(ARM_LINE.match(above[-1]))


def more_conditions(page, index, value):
    """A label alone on its line may have several condition lines below it: those that name a disease."""
    first = page.next_filled(index)
    if first is None or page.lines[first].strip().strip("|").strip() != value:
        return []
    lines, line = [], page.next_filled(first)
    while line is not None and line == first + len(lines) + 1 and normalise.names_disease(page.lines[line]):
        lines.append(page.lines[line].strip())
        line = page.next_filled(line)
    return lines


def boundary_test(layout):
    headings = {key(h) for h in layout.all_headings}

    def is_boundary(line):
        return key(line) in headings or layout.boundary_labels.match(line) is not None
    return is_boundary


def listed_interventions(value):
    if interventions.TYPE_PREFIX.match(value.strip()):
        return interventions.typed_items(value)
    return [interventions.Named(part.strip()) for part in re.split(r"[;,]", value) if part.strip()]


def first_place(value):
    """'2 sites (Beijing, Beijing Municipality and 1 other locations)' -> 'Beijing'."""
    inside = re.search(r"\(([^,()]+)", value)
    return inside.group(1).strip() if inside else None


def read_line_patterns(page, layout, found):
    for pattern in layout.compiled_line_patterns:
        for index, line in enumerate(page.lines):
            if index in found.excluded_lines:
                continue
            match = pattern.match(line.strip())
            if not match:
                continue
            for name, value in match.groupdict().items():
                if not value:
                    continue
                if name == "countries":
                    found.countries.extend(normalise.split_countries(value))
                elif name == "nct_id":
                    found.labelled_ids.append(value)
                else:
                    found.add(name, value)


def read_facts(page, layout, found):
    for heading, names in layout.facts.items():
        lines = page.section((heading,), layout.all_headings)
        if lines:
            assign_by_shape([line.strip() for line in lines if line.strip()], names, found)


def assign_by_shape(lines, names, found):
    """Give each line to the first remaining field whose normaliser accepts it; returns the count."""
    remaining, assigned = list(names), 0
    for line in lines:
        for name in remaining:
            if SHAPES[name](line) is not None:
                found.add(name, line)
                remaining.remove(name)
                assigned += 1
                break
    return assigned


def section_lines(page, layout, role):
    headings = layout.sections.get(role)
    if not headings:
        return None
    return page.section(headings, layout.all_headings, until_blank=role in layout.until_blank,
                        blurb=role in layout.blurbs)


def read_sections(page, layout, found):
    for role in ("summary", "description"):
        lines = section_lines(page, layout, role)
        if lines:
            text = " ".join(line.strip() for line in lines if line.strip())
            if role == "summary" and found.summary is None:
                found.summary = text or None
    lines = section_lines(page, layout, "conditions")
    if lines:
        for line in lines:
            if line.strip() and not is_sentence(line):
                found.conditions.extend(normalise.split_conditions(line))
    read_criteria_section(page, layout, found)
    lines = section_lines(page, layout, "interventions")
    if lines is not None:
        items = section_interventions(lines, layout.interventions_style)
        found.intervention_list_found = found.intervention_list_found or bool(items)
        found.interventions.extend(items)
    lines = section_lines(page, layout, "arms")
    if lines and not found.intervention_list_found:
        items = interventions.in_arms(lines)
        found.intervention_list_found = bool(items)
        found.interventions.extend(items)
    lines = section_lines(page, layout, "locations")
    if lines:
        found.sites.extend(locations.read_sites(lines))
    lines = section_lines(page, layout, "sponsors")
    if lines:
        names = [line.strip() for line in lines
                 if line.strip() and line.strip().casefold() not in SPONSOR_CLASSES and not is_sentence(line)]
        if names:
            found.add("sponsor", names[0])
            found.collaborators.extend(names[1:])
    lines = section_lines(page, layout, "countries")
    if lines:
        found.countries.extend(part.strip() for line in lines for part in normalise.split_countries(line) if part.strip())
    lines = section_lines(page, layout, "identifiers")
    if lines:
        found.labelled_ids.extend(NCT_ID.findall("\n".join(lines)))
    lines = section_lines(page, layout, "mixed")
    if lines:
        read_mixed(lines, found)


def is_sentence(line):
    return line.strip().endswith(".") and len(line.split()) >= 6


def read_criteria_section(page, layout, found):
    lines = section_lines(page, layout, "criteria")
    if lines is None:
        return
    lines = [line for line in lines if key(line) not in layout.noise_keys]
    tail_fields = layout.tails.get("criteria")
    if tail_fields:
        lines = take_tail(lines, tail_fields, found)
    text = "\n".join(lines)
    if MARKER.search(text):
        found.criteria_text = text


def take_tail(lines, names, found):
    """Unlabelled values (such as '18 Years', 'ALL') closing a section: assign them, return the rest."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or len(lines[end - 1].split()) <= 4):
        end -= 1
    tail = [line.strip() for line in lines[end:] if line.strip()]
    assign_by_shape(tail, names, found)
    return lines[:end]


def section_interventions(lines, style):
    filled = [line.strip() for line in lines if line.strip()]
    if style == "auto":  # pages of unknown sites: typed when any line carries a type label
        glued = [interventions.glued_typed_item(line) for line in filled]
        if glued and all(glued):
            return glued
        style = "typed" if any(interventions.TYPE_PREFIX.match(line) for line in filled) else "name_description"
    if style == "typed":
        return interventions.typed_items("\n".join(filled))
    if style == "list":
        return [interventions.Named(line) for line in filled]
    items = []
    for line in filled:
        if len(line.split()) <= 10 and not line.endswith("."):
            items.append(interventions.Named(line))
        elif items:
            items[-1].description = " ".join(filter(None, [items[-1].description, line]))
    return items


def read_mixed(lines, found):
    """A block of conditions, typed interventions and a phase, one a line (old registry pages)."""
    for line in (line.strip() for line in lines if line.strip()):
        if interventions.TYPE_PREFIX.match(line):
            found.intervention_list_found = True
            found.interventions.extend(interventions.typed_items(line))
        elif normalise.phase(line):
            found.add("phase", line)
        elif not is_sentence(line):
            found.conditions.extend(normalise.split_conditions(line))


TABLE_COLUMNS = {"condition": "conditions", "intervention": "interventions", "phase": "phase",
                 "lead sponsor": "sponsor", "collaborator": "collaborators"}


def read_tables(page, found):
    """Pipe tables with a header row: sites, sponsors, and condition / intervention / phase grids."""
    for rows in pipe_tables(page):
        if len(rows) < 2:
            continue
        header = [cell.casefold() for cell in rows[0]]
        found.sites.extend(locations.read_table_sites(rows))
        columns = {}
        for index, cell in enumerate(header):
            for word, name in TABLE_COLUMNS.items():
                if cell.startswith(word) and name not in columns.values():
                    columns[index] = name
        if len(columns) < 2 and not (columns and header[0] in ("lead sponsor",)):
            continue
        for row in rows[1:]:
            if row[0].rstrip().endswith(":"):  # a 'Label : | value |' row: the grid has ended
                break
            for index, name in columns.items():
                if index < len(row) and row[index].strip():
                    table_cell(name, row[index].strip(), found)


def table_cell(name, value, found):
    if name == "conditions":
        found.conditions.extend(normalise.split_conditions(value))
    elif name == "interventions":
        found.intervention_list_found = True
        found.interventions.extend(listed_interventions(value))
    elif name == "collaborators":
        found.collaborators.extend(re.split(r";", value))
    else:
        found.add(name, value)


def read_title(page, layout, found):
    rule = layout.title
    if rule is None:
        return
    lines = [(i, line.strip()) for i, line in enumerate(page.lines)
             if line.strip() and i not in found.excluded_lines]
    if rule == "first_line":
        if lines:
            found.add("heading", lines[0][1])
        return
    after = re.compile(rule.removeprefix("after:"))
    for position, (_, line) in enumerate(lines):
        if after.search(line) and position + 1 < len(lines):
            found.add("heading", lines[position + 1][1])
            return
