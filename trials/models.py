"""The catalogue's domain: trials, where they run, what they test, who may join."""
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import F, Q
from django.urls import reverse

from trials.choices import CriterionKind, DatePrecision, InterventionKind, Phase, Sex, Status, StudyType, Subsite
from trials.querysets import BUMP_VERSION_SQL, ENROLLMENT_KEY, START_DATE_KEY, TrialQuerySet, refresh_derived

NCT_ID_PATTERN = r"^NCT[0-9]{8}$"
DRUG_KINDS = (InterventionKind.DRUG, InterventionKind.BIOLOGICAL)


def in_choices(field, choices, allow_blank=True):
    values = list(choices.values) + ([""] if allow_blank else [])
    return Q(**{f"{field}__in": values})


class Trial(models.Model):
    nct_id = models.CharField("NCT ID", max_length=11, help_text="ClinicalTrials.gov identifier, e.g. NCT01234567.")
    title = models.TextField()
    official_title = models.TextField(blank=True)
    acronym = models.CharField(max_length=60, blank=True)
    phase = models.CharField(max_length=16, choices=Phase.choices, blank=True)
    status = models.CharField("recruitment status", max_length=32, choices=Status.choices, blank=True)
    study_type = models.CharField(max_length=20, choices=StudyType.choices, blank=True)
    enrollment = models.PositiveIntegerField(null=True, blank=True, help_text="Target or actual participants.")
    min_age_years = models.DecimalField("minimum age (years)", max_digits=5, decimal_places=2, null=True, blank=True)
    max_age_years = models.DecimalField("maximum age (years)", max_digits=5, decimal_places=2, null=True, blank=True)
    sex = models.CharField(max_length=8, choices=Sex.choices, blank=True)
    start_date = models.DateField(null=True, blank=True)
    start_date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    completion_date = models.DateField(null=True, blank=True)
    completion_date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    summary = models.TextField("brief summary", blank=True)
    sponsor = models.CharField("lead sponsor", max_length=300, blank=True)
    collaborators = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    conditions = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    related_nct_ids = ArrayField(models.CharField(max_length=11), default=list, blank=True)
    countries = ArrayField(
        models.CharField(max_length=2),
        default=list,
        blank=True,
        help_text="ISO 3166-1 alpha-2 codes of every country the trial runs in, its sites' included.",
    )
    interventions = models.ManyToManyField("Intervention", through="TrialIntervention", related_name="trials")

    # Facet columns kept in step with the normalised tables by Trial.refresh_derived_fields(),
    # which the importer and the admin call after every write.
    drugs = ArrayField(models.CharField(max_length=120), default=list, blank=True, editable=False)
    subsites = ArrayField(models.CharField(max_length=16, choices=Subsite.choices), default=list, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # Ranking of a text search: ts_rank over this small vector (identity as A; conditions, drugs and
    # subsites as B; a few hundred bytes, never TOASTed) instead of the whole search_vector, which a
    # broad match would have to detoast row by row. Matching stays on search_vector.
    rank_vector = SearchVectorField(null=True, editable=False)

    edited_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        help_text="Fields staff corrected by hand; imports never overwrite them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrialQuerySet.as_manager()

    class Meta:
        ordering = ["nct_id"]
        permissions = [("import_trials", "Can import trials from seed files")]
        constraints = [
            models.UniqueConstraint(fields=["nct_id"], name="trial_nct_id_unique"),
            models.CheckConstraint(condition=Q(nct_id__regex=NCT_ID_PATTERN), name="trial_nct_id_shape"),
            models.CheckConstraint(condition=in_choices("phase", Phase), name="trial_phase_known"),
            models.CheckConstraint(condition=in_choices("status", Status), name="trial_status_known"),
            models.CheckConstraint(condition=in_choices("study_type", StudyType), name="trial_study_type_known"),
            models.CheckConstraint(condition=in_choices("sex", Sex), name="trial_sex_known"),
            models.CheckConstraint(
                condition=Q(min_age_years__isnull=True)
                | Q(max_age_years__isnull=True)
                | Q(min_age_years__lte=models.F("max_age_years")),
                name="trial_age_range_ordered",
            ),
        ]
        indexes = [
            # Facet filters: `countries && ARRAY[...]`, `drugs && ...`, `subsites && ...`.
            GinIndex(fields=["countries"], name="trial_countries_gin"),
            GinIndex(fields=["drugs"], name="trial_drugs_gin"),
            GinIndex(fields=["subsites"], name="trial_subsites_gin"),
            # Full-text search: `search_vector @@ <tsquery of build_tsquery()>` (TrialQuerySet.matching).
            GinIndex(fields=["search_vector"], name="trial_search_vector_gin"),
            # Facet counts (TrialQuerySet.facet_counts): every facet column of many trials read by an
            # index-only scan of this narrow index instead of the wide trial heap.
            models.Index(
                fields=["id"],
                include=["status", "phase", "study_type", "subsites", "drugs", "countries"],
                name="trial_facets_cover",
            ),
            # Single-valued facets: `status IN (...)`, `phase IN (...)`.
            models.Index(fields=["status"], name="trial_status_idx"),
            models.Index(fields=["phase"], name="trial_phase_idx"),
            # The sorts of the search page, each read in keyset order (key DESC, id DESC) so a deep
            # page starts with an index range scan instead of an OFFSET; see TrialQuerySet.SORT_KEYS.
            # "Recently added":
            models.Index(F("created_at").desc(), F("id").desc(), name="trial_recent_idx"),
            # "Start date", unknown dates last:
            models.Index(START_DATE_KEY.desc(), F("id").desc(), name="trial_start_idx"),
            # "Enrollment", unknown sizes last:
            models.Index(ENROLLMENT_KEY.desc(), F("id").desc(), name="trial_enrollment_idx"),
        ]

    def __str__(self):
        return f"{self.nct_id}: {self.title}" if self.title else self.nct_id

    def get_absolute_url(self):
        return reverse("catalog:trial", args=[self.nct_id])

    @property
    def registry_url(self):
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    def refresh_derived_fields(self, reload=True):
        """Recompute the facet and search columns from this trial's rows and bump the catalogue version;
        call after every write. reload=False leaves this instance's derived fields as they were (the
        importer, which does not read them again, saves a query)."""
        from trials.importer.subsites import subsites_for

        subsites = subsites_for(self.conditions, self.title, self.official_title)
        refresh_derived([self.pk], subsites=subsites)
        if reload:
            self.refresh_from_db(fields=DERIVED_FIELDS)


DERIVED_FIELDS = ["drugs", "subsites", "countries", "search_vector", "rank_vector"]


class CatalogueVersion(models.Model):
    """One row whose number (random, see trials.querysets.BUMP_VERSION_SQL) changes with every write
    that can change a search's results.

    Cached facet counts and result totals are keyed by it (catalog.facets), so a cached count is
    never read after the write that made it wrong. Bumped in the writing transaction, by
    refresh_derived() (every import, admin save and synthetic load) and by the admin's deletes.
    """

    version = models.BigIntegerField(default=1)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="catalogueversion_one_row")]

    def __str__(self):
        return f"catalogue version {self.version}"

    @classmethod
    def bump(cls):
        with connection.cursor() as cursor:
            cursor.execute(BUMP_VERSION_SQL)

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0


class SearchWord(models.Model):
    """One distinct lexeme of the trials' search vectors: the small vocabulary typo tolerance looks in.

    Kept by trials.querysets.refresh_derived(), which every write calls (words are added, never removed:
    a stale word only widens a fuzzy match to nothing), rebuilt whole by SearchWord.rebuild().
    """

    word = models.TextField(primary_key=True)

    class Meta:
        indexes = [
            # Typo tolerance: `word % 'pembrolizumb'` ordered by similarity (trials.querysets.build_tsquery).
            GinIndex(OpClass("word", name="gin_trgm_ops"), name="searchword_word_trgm"),
        ]

    def __str__(self):
        return self.word

    @classmethod
    def rebuild(cls):
        """Recollect every word from every search vector, e.g. after a bulk load that bypassed the refresh."""
        from trials.querysets import REBUILD_SEARCH_WORDS_SQL

        with connection.cursor() as cursor:
            cursor.execute(REBUILD_SEARCH_WORDS_SQL)


class Site(models.Model):
    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField("facility", max_length=300)
    city = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")
    status = models.CharField("recruitment status", max_length=32, choices=Status.choices, blank=True)

    class Meta:
        ordering = ["country", "city", "name"]
        constraints = [
            models.UniqueConstraint(fields=["trial", "name", "city"], name="site_unique_per_trial"),
            models.CheckConstraint(condition=Q(country__regex=r"^([A-Z]{2})?$"), name="site_country_alpha2"),
            models.CheckConstraint(condition=in_choices("status", Status), name="site_status_known"),
        ]

    def __str__(self):
        place = ", ".join(part for part in (self.city, self.country) if part)
        return f"{self.name} ({place})" if place else self.name


class Intervention(models.Model):
    """A treatment or procedure, one row however many trials use it."""

    name = models.CharField(max_length=200, help_text="Lower-case generic name, e.g. pembrolizumab.")
    kind = models.CharField(max_length=20, choices=InterventionKind.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="intervention_name_kind_unique"),
            models.CheckConstraint(condition=Q(name=models.functions.Lower("name")), name="intervention_name_lower"),
            models.CheckConstraint(condition=in_choices("kind", InterventionKind, False), name="intervention_kind_known"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_drug(self):
        return self.kind in DRUG_KINDS


class TrialIntervention(models.Model):
    """How one trial uses an intervention: dose, route and schedule stay here."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="trial_interventions")
    intervention = models.ForeignKey(Intervention, on_delete=models.PROTECT, related_name="trial_interventions")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "intervention"
        constraints = [
            models.UniqueConstraint(fields=["trial", "intervention"], name="trial_intervention_unique"),
        ]

    def __str__(self):
        return str(self.intervention)


class Criterion(models.Model):
    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(max_length=9, choices=CriterionKind.choices)
    text = models.TextField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["kind", "position"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(fields=["trial", "kind", "position"], name="criterion_position_unique"),
            models.CheckConstraint(condition=in_choices("kind", CriterionKind, False), name="criterion_kind_known"),
            models.CheckConstraint(condition=Q(position__gte=1), name="criterion_position_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}: {self.text[:60]}"


class SourceDocument(models.Model):
    """One imported page, kept whole as the provenance of what the trial record says."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="sources")
    file_name = models.CharField(max_length=255)
    format = models.CharField("page layout", max_length=40)
    sha256 = models.CharField(max_length=64)
    raw_text = models.TextField()
    record = models.JSONField(help_text="The trial record parsed from this page.")
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["imported_at", "id"]
        verbose_name = "source page"
        constraints = [
            models.UniqueConstraint(fields=["trial", "sha256"], name="source_unique_page_per_trial"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="source_sha256_hex"),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.format})"
