"""Stage 5: check the record against the contract; drop what cannot be right, say so in warnings, and
reject a page that turns out to hold no trial facts at all."""
import re
from datetime import date

from trials.importer.errors import ImportRejected

ENUMS = {
    "phase": {"EARLY_PHASE1", "PHASE1", "PHASE1_PHASE2", "PHASE2", "PHASE2_PHASE3", "PHASE3", "PHASE4", "NA"},
    "status": {"NOT_YET_RECRUITING", "RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "SUSPENDED",
               "TERMINATED", "COMPLETED", "WITHDRAWN", "UNKNOWN"},
    "study_type": {"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"},
    "sex": {"ALL", "FEMALE", "MALE"},
}
KINDS = {"DRUG", "BIOLOGICAL", "RADIATION", "PROCEDURE", "DEVICE", "BEHAVIORAL", "DIAGNOSTIC_TEST", "OTHER"}
TRIAL_FACTS = ("phase", "status", "study_type", "enrollment", "min_age_years", "max_age_years", "sex", "start_date",
               "completion_date", "sponsor", "summary", "official_title")
TRIAL_LISTS = ("conditions", "interventions", "criteria", "sites", "countries")


def validate(record):
    warnings = record["warnings"]
    if not re.fullmatch(r"NCT\d{8}", record["nct_id"] or ""):
        raise ImportRejected(f"'{record['nct_id']}' is not an NCT ID (NCT followed by 8 digits).")
    reject_if_truncated(record)
    for name, allowed in ENUMS.items():
        if record[name] is not None and record[name] not in allowed:
            warnings.append(f"{name} '{record[name]}' is not a known value; it was left empty.")
            record[name] = None
    check_ages(record, warnings)
    check_dates(record, warnings)
    if record["enrollment"] is not None and not 0 < record["enrollment"] < 10_000_000:
        warnings.append(f"An enrollment of {record['enrollment']} cannot be right; it was left empty.")
        record["enrollment"] = None
    record["interventions"] = [i for i in record["interventions"] if i["name"] and i["kind"] in KINDS]
    if record["title"] is None:
        warnings.append("The page shows no trial title; the title was left empty.")
    return record


def reject_if_truncated(record):
    has_facts = any(record[name] is not None for name in TRIAL_FACTS) or any(record[name] for name in TRIAL_LISTS)
    if record["title"] is None and not has_facts:
        raise ImportRejected(
            f"The page names trial {record['nct_id']} but has no title and no trial details: it looks cut off. "
            "Copy the whole page again and import that.")


def check_ages(record, warnings):
    for name in ("min_age_years", "max_age_years"):
        value = record[name]
        if value is not None and not 0 <= value <= 120:
            warnings.append(f"An age of {value} years cannot be right; it was left empty.")
            record[name] = None
    low, high = record["min_age_years"], record["max_age_years"]
    if low is not None and high is not None and low > high:
        warnings.append(f"The minimum age ({low}) is above the maximum ({high}); both were left empty.")
        record["min_age_years"] = record["max_age_years"] = None


def check_dates(record, warnings):
    for name in ("start_date", "completion_date"):
        value = record[name]
        if value is not None and not valid_iso(value):
            warnings.append(f"{name.replace('_', ' ')} '{value}' is not a date; it was left empty.")
            record[name] = None
    start, end = record["start_date"], record["completion_date"]
    if start and end and end < start:
        warnings.append(f"The completion date ({end}) is before the start date ({start}); check both.")


def valid_iso(value):
    try:
        date.fromisoformat(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value))
