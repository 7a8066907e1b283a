"""inclinicaltrials: 'Label value' rows (plain or as a pipe table) under 'Administrative data' and
'Recruitment information / eligibility'; only a labelled official title is a title."""
from trials.importer.layouts.base import Layout

LAYOUT = Layout(
    name="inclinicaltrials",
    features=(r"^Clinical Trial Details — Status:", r"^NCT number\b", r"^Other study ID #", r"^Is FDA regulated\b",
              r"^Accepts healthy volunteers\b"),
    needed=2,
    labels={
        "nct_id": ("NCT number",),
        "official_title": ("Official title",),
        "status": ("Status",),
        "phase": ("Phase",),
        "start_date": ("Start date",),
        "completion_date": ("Est. completion date", "Completion date"),
        "sponsor": ("Source",),
        "study_type": ("Study type",),
        "enrollment": ("Enrollment",),
        "sex": ("Gender",),
        "ages": ("Age group",),
        "criteria": ("Eligibility",),
    },
    ignored_labels=("Other study ID #", "Secondary ID", "First received", "Last updated", "Verified date", "Contact",
                    "Phone", "Email", "Is FDA regulated", "Health authority", "Est. primary completion date",
                    "Accepts healthy volunteers", "Description"),
    sections={"summary": ("Clinical Trial Summary",), "interventions": ("Intervention",)},
    headings=("Administrative data", "Study information", "Recruitment information / eligibility", "Study Design",
              "Related Conditions & MeSH terms", "Outcome", "Locations"),
    line_patterns=(r"^Clinical Trial Details — Status:\s*(?P<status>.+)$",),
    title=None,
)
