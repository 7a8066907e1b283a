"""meddatax: registry fields under explanatory headings ('Basic Information', 'Brief Summary'); the
basic facts are either bare values or label / value line pairs."""
from trials.importer.layouts.base import SECTION_ROLES, Layout

LAYOUT = Layout(
    name="meddatax",
    features=(r"^NCT ID: NCT\d{8}\s*$", r"^Basic Information\s*$", r"^Study Results\s*$", r"^Last Updated: \d{4}-\d\d-\d\d"),
    needed=3,
    labels={
        "nct_id": ("NCT ID",),
        "status": ("Recruitment Status",),
        "phase": ("Clinical Phase",),
        "enrollment": ("Total Enrollment",),
        "study_type": ("Study Classification",),
        "start_date": ("Study Start Date",),
        "completion_date": ("Study Completion Date",),
    },
    ignored_labels=("Last Updated", "Allocation Method", "Intervention Model", "Primary Study Purpose",
                    "Blinding Strategy", "Group Type", "Intervention Type", "Identifier Type", "Identifier Source",
                    "Role"),
    sections={
        "summary": ("Brief Summary",),
        "description": ("Detailed Description",),
        "conditions": ("Conditions",),
        "criteria": ("Eligibility Criteria",),
        "interventions": ("Interventions",),
        "locations": ("Locations",),
        "sponsors": ("Sponsors",),
        "countries": ("Countries",),
        "related": ("Related Clinical Trials", "More Related Trials"),
        "references": ("References",),
    },
    headings=("Study Results", "Study Design", "Study Groups", "Other Intervention Names", "Responsible Party",
              "Principal Investigators", "Central Contacts", "Other Identifiers"),
    facts={"Basic Information": ("status", "phase", "enrollment", "study_type", "start_date", "completion_date")},
    tails={"criteria": ("min_age", "max_age", "sex")},
    interventions_style="name_description",
    blurbs=frozenset(SECTION_ROLES),
)
