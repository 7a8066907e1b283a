"""Builders of the public pages' tests: a small known catalogue and readers of a search page."""
import hashlib

from trials.models import SourceDocument
from trials.tests.builders import make_trial


def make_source(trial, file_name="page.txt", fmt="generic"):
    return SourceDocument.objects.create(
        trial=trial, file_name=file_name, format=fmt, sha256=hashlib.sha256(file_name.encode()).hexdigest(),
        raw_text="...", record={},
    )


def make_catalogue():
    """Four trials whose facet counts are worked out by hand in the tests."""
    return {
        "a": make_trial(
            nct_id="NCT00000001", title="Pembrolizumab for nasopharyngeal carcinoma", status="RECRUITING",
            phase="PHASE2", study_type="INTERVENTIONAL", conditions=["Nasopharyngeal Carcinoma"],
            drugs=["pembrolizumab", "cisplatin"], sites=[("Queen Mary Hospital", "Hong Kong", "HK")],
        ),
        "b": make_trial(
            nct_id="NCT00000002", title="Cisplatin and radiotherapy for oropharyngeal cancer", status="RECRUITING",
            phase="PHASE3", study_type="INTERVENTIONAL", conditions=["Oropharyngeal Cancer"],
            drugs=["cisplatin"], sites=[("Sun Yat-sen University Cancer Center", "Guangzhou", "CN")],
        ),
        "c": make_trial(
            nct_id="NCT00000003", title="Nivolumab after surgery for laryngeal cancer", status="COMPLETED",
            phase="PHASE2", study_type="INTERVENTIONAL", conditions=["Laryngeal Cancer"], drugs=["nivolumab"],
            sites=[("Prince of Wales Hospital", "Hong Kong", "HK"), ("MD Anderson", "Houston", "US")],
        ),
        "d": make_trial(
            nct_id="NCT00000004", title="Quality of life after oral cavity cancer surgery", status="NOT_YET_RECRUITING",
            phase="PHASE3", study_type="OBSERVATIONAL", conditions=["Oral Cavity Cancer"], drugs=["pembrolizumab"],
            sites=[("Mayo Clinic", "Rochester", "US")],
        ),
    }


def counts(response, facet_name):
    """{option value: count} of one facet of a rendered search page."""
    facet = next(f for f in response.context["facets"] if f.name == facet_name)
    return {option.value: option.count for option in facet.options}


def found(response):
    """The NCT IDs of the trials listed on a rendered search page, in order."""
    return [trial.nct_id for trial in response.context["page"].trials]
