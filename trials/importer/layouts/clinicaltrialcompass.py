"""Clinical Trial Compass: status and phase glued on one line ('RecruitingPhase 2'), then the title, then
'Country142 participantsStarted 2026-02-10'."""
from trials.importer.layouts.base import Layout

STATUSES = ("Not yet recruiting|Recruiting|Active, not recruiting|Enrolling by invitation|Completed|Terminated|"
            "Withdrawn|Suspended|Unknown status|Unknown")

LAYOUT = Layout(
    name="clinicaltrialcompass",
    features=(r"\| Clinical Trial Compass\s*$", r"^Plain-language summary\s*$", r"^Who can participate\s*$",
              r"^See this in plain English\?"),
    needed=2,
    labels={"ages": ("Age range",), "sex": ("Sex",), "enrollment": ("Enrollment",)},
    glued="upper",
    next_line=False,
    sections={"summary": ("Plain-language summary",)},
    headings=("Who can participate", "See this in plain English?"),
    line_patterns=(
        rf"^(?P<status>{STATUSES})(?P<phase>(?:Early )?Phase\s?\S+(?:\s?/\s?(?:Phase\s?)?\S+)?)?$",
        r"^(?P<countries>[^\d|]*?)(?P<enrollment>\d[\d,]* participants)(?:Started (?P<start_date>\S+))?$",
        r"\((?P<nct_id>NCT\d{8})\) \| Clinical Trial Compass$",
    ),
    title=rf"after:^(?:{STATUSES})(?:(?:Early )?Phase.*)?$",
)
