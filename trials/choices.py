"""The record contract's enumerations, as Django choices."""
from django.db import models


class Phase(models.TextChoices):
    EARLY_PHASE1 = "EARLY_PHASE1", "Early phase 1"
    PHASE1 = "PHASE1", "Phase 1"
    PHASE1_PHASE2 = "PHASE1_PHASE2", "Phase 1/2"
    PHASE2 = "PHASE2", "Phase 2"
    PHASE2_PHASE3 = "PHASE2_PHASE3", "Phase 2/3"
    PHASE3 = "PHASE3", "Phase 3"
    PHASE4 = "PHASE4", "Phase 4"
    NA = "NA", "Not applicable"


class Status(models.TextChoices):
    NOT_YET_RECRUITING = "NOT_YET_RECRUITING", "Not yet recruiting"
    RECRUITING = "RECRUITING", "Recruiting"
    ENROLLING_BY_INVITATION = "ENROLLING_BY_INVITATION", "Enrolling by invitation"
    ACTIVE_NOT_RECRUITING = "ACTIVE_NOT_RECRUITING", "Active, not recruiting"
    SUSPENDED = "SUSPENDED", "Suspended"
    TERMINATED = "TERMINATED", "Terminated"
    COMPLETED = "COMPLETED", "Completed"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"
    UNKNOWN = "UNKNOWN", "Unknown"


class StudyType(models.TextChoices):
    INTERVENTIONAL = "INTERVENTIONAL", "Interventional"
    OBSERVATIONAL = "OBSERVATIONAL", "Observational"
    EXPANDED_ACCESS = "EXPANDED_ACCESS", "Expanded access"


class Sex(models.TextChoices):
    ALL = "ALL", "All"
    FEMALE = "FEMALE", "Female"
    MALE = "MALE", "Male"


class InterventionKind(models.TextChoices):
    DRUG = "DRUG", "Drug"
    BIOLOGICAL = "BIOLOGICAL", "Biological"
    RADIATION = "RADIATION", "Radiation"
    PROCEDURE = "PROCEDURE", "Procedure"
    DEVICE = "DEVICE", "Device"
    BEHAVIORAL = "BEHAVIORAL", "Behavioural"
    DIAGNOSTIC_TEST = "DIAGNOSTIC_TEST", "Diagnostic test"
    OTHER = "OTHER", "Other"


class CriterionKind(models.TextChoices):
    INCLUSION = "INCLUSION", "Inclusion"
    EXCLUSION = "EXCLUSION", "Exclusion"


class Subsite(models.TextChoices):
    NASOPHARYNX = "nasopharynx", "Nasopharynx"
    OROPHARYNX = "oropharynx", "Oropharynx"
    ORAL_CAVITY = "oral_cavity", "Oral cavity"
    LARYNX = "larynx", "Larynx"
    HYPOPHARYNX = "hypopharynx", "Hypopharynx"
    SALIVARY_GLAND = "salivary_gland", "Salivary gland"
    SINONASAL = "sinonasal", "Sinonasal"
    UNSPECIFIED = "unspecified", "Head and neck, unspecified"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
