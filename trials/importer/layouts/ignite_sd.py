"""ignite-sd: one registry module per page ('Eligibility Module', 'Study Overview'), every value on a
'Label: value' line."""
from trials.importer.layouts.base import Layout

LAYOUT = Layout(
    name="ignite-sd",
    features=(r"^Ignite (?:Creation|Modification) Date:",),
    needed=1,
    labels={
        "nct_id": ("NCT ID", "Study NCT ID"),
        "official_title": ("Official Title",),
        "title": ("Brief Title",),
        "acronym": ("Acronym",),
        "status": ("Overall Status", "Status"),
        "phase": ("Phases", "Phase"),
        "study_type": ("Study Type",),
        "enrollment": ("Enrollment Count", "Enrollment"),
        "sex": ("Sex", "Gender"),
        "min_age": ("Minimum Age",),
        "max_age": ("Maximum Age",),
        "start_date": ("Start Date",),
        "completion_date": ("Completion Date",),
        "sponsor": ("Lead Sponsor", "Sponsor"),
        "collaborators": ("Collaborators",),
        "conditions": ("Conditions",),
        "criteria": ("Eligibility Criteria",),
        "summary": ("Brief Summary",),
    },
    ignored_labels=("Healthy Volunteers", "Study", "Study Brief", "Protocol Section", "Organization",
                    "Detailed Description", "Last Known Status", "Status Verified Date"),
    next_line=False,
    headings=("Study Overview", "Study Oversight", "Eligibility Module"),
    title=None,
)
