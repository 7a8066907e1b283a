"""Find a Trial: 'Quick facts' as a pipe table or as labels glued to their values ('PhasePHASE2'), a
'phase · sponsor · NCT' line under the title, and the featured site on the line above it."""
import re

from trials.importer import normalise
from trials.importer.locations import is_organisation
from trials.importer.layouts.base import Layout

DOT_LINE = re.compile(r"^.+ · NCT\d{8}$")


def featured_site(page, found):
    """The line between the title and the dot line is the featured site when it names an
    organisation (an official title sits there otherwise); its city is the first place 'Locations' gives."""
    lines = [line.strip() for line in page.lines if line.strip()][:3]
    if len(lines) < 3 or not DOT_LINE.match(lines[2]):
        return
    second = lines[1]
    if is_organisation(second) and not found.sites:
        city = found.place_hint
        found.sites.append({"name": second, "city": city, "country": normalise.city_country(city), "status": None})
    elif not is_organisation(second):
        found.add("subtitle", second)


LAYOUT = Layout(
    name="findatrial",
    features=(r"^Quick facts\s*$", r"^What this trial studies\s*$", r"^Who should consider this trial\s*$",
              r"Find a Trial editorial team", r"^\|?\s*Trial ID\s*\|?\s*NCT\d{8}"),
    needed=2,
    labels={
        "phase": ("Phase",),
        "study_type": ("Study type",),
        "enrollment": ("Enrollment",),
        "ages": ("Ages",),
        "sex": ("Sex",),
        "sponsor": ("Sponsor",),
        "interventions": ("Drugs / interventions",),
        "locations_summary": ("Locations",),
        "nct_id": ("Trial ID",),
        "conditions": ("Conditions",),
    },
    glued="any",
    next_line=False,
    sections={
        "description": ("What this trial studies",),
        "criteria": ("Eligibility criteria",),
        "locations": ("Where this trial is running",),
    },
    headings=("Quick facts", "Who should consider this trial", "Why it matters", "Study contacts", "How to participate"),
    line_patterns=(r"^(?:(?P<phase>(?:PHASE|Phase)\s?\S+) · )?(?P<sponsor>[^·]+?) · (?P<nct_id>NCT\d{8})$",),
    noise=("Show full inclusion / exclusion criteria",),
    hook=featured_site,
)
