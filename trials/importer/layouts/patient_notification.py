"""A trial-matching site that does not name itself in the page; recognised by its 'Powered by AI' badge,
its 'Study details' block and its 'Patient Notification Services' sign-up. Status, ages, sex and phase
are bare lines under the title."""
from trials.importer.layouts.base import Layout

LAYOUT = Layout(
    name="patient-notification",
    features=(r"^Powered by AI\s*$", r"Get in touch with the nearest study center", r"Patient Notification Services",
              r"^Study details\s*$", r"^Add a private note\s*$"),
    needed=2,
    sections={
        "summary": ("Overview",),
        "description": ("Description",),
        "criteria": ("Eligibility",),
        "conditions": ("Study details",),
    },
    headings=("Powered by AI", "FAQs", "Send a message", "Sign up", "Primary Contact", "Learn more about clinical trials"),
    line_patterns=(
        r"^(?P<status>Not yet recruiting|Recruiting|Active, not recruiting|Enrolling by invitation|Completed|"
        r"Terminated|Withdrawn|Suspended)$",
        r"^(?P<ages>\d+ (?:years|months) (?:and older|and up|to \d+ (?:years|months)|- \d+ (?:years|months)))$",
        r"^(?P<sex>All|Male|Female)$",
        r"^(?P<phase>(?:Early )?Phase .{1,12})$",
    ),
    until_blank=frozenset({"conditions"}),
    noise=("Image",),
)
