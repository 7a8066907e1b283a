"""curemydisease: a plain-language rewrite; phase, status and enrollment are stated only in its prose."""
from trials.importer.layouts.base import Layout

LAYOUT = Layout(
    name="curemydisease",
    features=(r"Curemydisease\.com", r"^NCT ID NCT\d{8}\s*$", r"^First seen .{3,30}Last updated",
              r"^Active substance\s*$", r"^What this could mean\s*$"),
    needed=2,
    labels={"nct_id": ("NCT ID",)},
    ignored_labels=("First seen", "Phone", "Email"),
    sections={
        "summary": ("Summary",),
        "conditions": ("Conditions",),
        "locations": ("Locations",),
    },
    headings=("Active substance", "What this could mean", "What this could lead to", "What could go wrong", "Disclaimer Read more",
              "Disclaimer", "Read more", "Get updates", "Get notified about this study", "Our safety recommendation!",
              "As listed by the trial registrant", "Contacts and locations", "Study contacts"),
    blurbs=frozenset({"conditions"}),
)
