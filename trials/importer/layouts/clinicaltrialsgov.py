"""ClinicalTrials.gov, as its classic and its tabular study pages copy: 'Label :' with the value on the same
line or the next, a 'Condition | Intervention | Phase' grid."""
from trials.importer.layouts.base import Layout

LAYOUT = Layout(
    name="clinicaltrialsgov",
    features=(r"ClinicalTrials\.gov Identifier:", r"A listing here does not mean the U\.S\. Federal Government",
              r"^Last Update Posted\s*:", r"Information provided by \(Responsible Party\)", r"^First (?:received|Posted)\s*:"),
    needed=2,
    labels={
        "nct_id": ("ClinicalTrials.gov Identifier",),
        "status": ("Recruitment Status", "Overall Status"),
        "study_type": ("Study Type",),
        "enrollment": ("Estimated Enrollment", "Actual Enrollment", "Enrollment"),
        "official_title": ("Official Title",),
        "acronym": ("Acronym",),
        "phase": ("Phase",),
        "start_date": ("Actual Study Start Date", "Estimated Study Start Date", "Study Start Date", "Study Start"),
        "completion_date": ("Estimated Study Completion Date", "Actual Study Completion Date", "Study Completion Date"),
        "sponsor": ("Sponsor", "Information provided by (Responsible Party)"),
        "collaborators": ("Collaborators", "Collaborator"),
        "ages": ("Ages Eligible for Study",),
        "sex": ("Sexes Eligible for Study", "Genders Eligible for Study", "Gender"),
    },
    ignored_labels=("First Posted", "Last Update Posted", "First received", "Last updated", "Last verified",
                    "Study Design", "Allocation", "Intervention Model", "Masking", "Primary Purpose",
                    "Estimated Primary Completion Date", "Actual Primary Completion Date", "Endpoint Classification",
                    "Intervention Model Description", "Accepts Healthy Volunteers"),
    sections={
        "mixed": ("Condition Intervention Phase",),
        "summary": ("Purpose", "Brief Summary"),
        "description": ("Detailed Description",),
        "criteria": ("Eligibility", "Criteria"),
        "locations": ("Locations",),
        "references": ("Publications", "More Information", "Publications of Results"),
    },
    headings=("Study Details", "Tabular View", "No Results Posted", "Disclaimer", "How to Read a Study Record",
              "Contacts and Locations", "Resource links provided by NLM", "Study Description", "Study Design",
              "Arms and Interventions", "Outcome Measures", "Eligibility Criteria", "Sponsors and Collaborators",
              "Investigators"),
    until_blank=frozenset({"mixed"}),
)
