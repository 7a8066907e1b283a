"""ctv-veeva (ClinicalTrials.Veeva): headings with values on the lines below; the sponsor's name sits
under the title, after its logo."""
import re

from trials.importer.layouts.base import Layout

LOGO = re.compile(r"^\S$|\blogo$", re.IGNORECASE)


def sponsor_under_title(page, found):
    lines = [line.strip() for line in page.lines if line.strip()]
    if "Menu" not in lines:
        return
    after_title = lines[lines.index("Menu") + 2:]
    for line in after_title[:3]:
        if not LOGO.search(line):
            if line.casefold() not in ("status", "status and phase", "conditions"):
                found.add("sponsor", line)
            return


LAYOUT = Layout(
    name="ctv-veeva",
    features=(r"^ClinicalTrials\.Veeva\s*$", r"^Details and patient eligibility\s*$", r"^Funder types\s*$",
              r"^Status and phase\s*$"),
    needed=2,
    labels={"study_type": ("Study type",), "sex": ("Sex",), "ages": ("Ages",), "enrollment": ("Enrollment",)},
    sections={
        "conditions": ("Conditions",),
        "interventions": ("Treatments",),
        "identifiers": ("Identifiers",),
        "summary": ("About",),
        "description": ("Full description",),
        "criteria": ("Inclusion and exclusion criteria",),
        "locations": ("Trial sites", "Trial contacts and locations"),
    },
    headings=("Menu", "Study type", "Funder types", "Details and patient eligibility", "Sex", "Ages", "Volunteers",
              "Enrollment", "Trial design", "Trial documents", "Sponsors", "Source"),
    facts={"Status and phase": ("status", "phase"), "Status": ("status", "phase")},
    title="after:^Menu$",
    hook=sponsor_under_title,
)
