from django.contrib import admin
from django.db import transaction
from django.urls import path
from django.utils.html import format_html_join

from trials import admin_import

from catalog.facets import warm_counts_after_commit
from trials.models import CatalogueVersion, Criterion, Intervention, Site, SourceDocument, Trial, TrialIntervention

# Inline formsets whose changes staff own from then on: imports add nothing to them.
INLINE_EDIT_MARKS = {Site: "sites", TrialIntervention: "interventions", Criterion: "criteria"}


class SiteInline(admin.TabularInline):
    model = Site
    extra = 0
    fields = ["name", "city", "country", "status"]


class TrialInterventionInline(admin.TabularInline):
    model = TrialIntervention
    extra = 0
    autocomplete_fields = ["intervention"]
    fields = ["intervention", "description"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["kind", "position", "text"]


class SourceDocumentInline(admin.TabularInline):
    model = SourceDocument
    extra = 0
    can_delete = False
    fields = ["file_name", "format", "imported_at", "imported_by", "sha256"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    list_display = ["nct_id", "short_title", "acronym", "phase", "status", "study_type", "enrollment", "country_list", "updated_at"]
    list_display_links = ["nct_id", "short_title"]
    list_filter = ["status", "phase", "study_type", "sex", "updated_at"]
    search_fields = ["nct_id", "title", "official_title", "acronym", "sponsor"]
    date_hierarchy = "start_date"
    list_per_page = 50
    readonly_fields = ["drugs", "subsites", "created_at", "updated_at", "registry_link"]
    inlines = [SiteInline, TrialInterventionInline, CriterionInline, SourceDocumentInline]
    fieldsets = [
        (None, {"fields": ["nct_id", "registry_link", "title", "official_title", "acronym"]}),
        ("Design", {"fields": ["phase", "status", "study_type", "enrollment"]}),
        ("Who may join", {"fields": ["min_age_years", "max_age_years", "sex", "conditions", "subsites"]}),
        (
            "Dates",
            {"fields": [("start_date", "start_date_precision"), ("completion_date", "completion_date_precision")]},
        ),
        ("Sponsors and places", {"fields": ["sponsor", "collaborators", "countries", "related_nct_ids"]}),
        ("Summary", {"fields": ["summary"]}),
        (
            "Record keeping",
            {"fields": ["edited_fields", "drugs", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def get_urls(self):
        import_url = path(
            "import/",
            self.admin_site.admin_view(lambda request: admin_import.import_view(request, self)),
            name="trials_trial_import",
        )
        return [import_url, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_import": request.user.has_perm(admin_import.PERMISSION)}
        return super().changelist_view(request, extra_context)

    @admin.display(description="title", ordering="title")
    def short_title(self, trial):
        return trial.title if len(trial.title) <= 90 else trial.title[:89] + "…"

    @admin.display(description="countries")
    def country_list(self, trial):
        return ", ".join(trial.countries)

    @admin.display(description="ClinicalTrials.gov")
    def registry_link(self, trial):
        if not trial.pk:
            return "—"
        return format_html_join("", '<a href="{}" rel="noopener">{}</a>', [(trial.registry_url, trial.registry_url)])

    def save_model(self, request, obj, form, change):
        if change:
            # Staff may clear a mark by editing edited_fields itself; otherwise every changed field is marked.
            if "edited_fields" not in form.changed_data:
                obj.edited_fields = sorted(set(obj.edited_fields) | set(form.changed_data))
        super().save_model(request, obj, form, change)

    # The admin's change and delete views already run in one transaction, so these steps commit together.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        trial = form.instance
        marks = {INLINE_EDIT_MARKS[fs.model] for fs in formsets if fs.model in INLINE_EDIT_MARKS and fs.has_changed()}
        if change and marks - set(trial.edited_fields):
            trial.edited_fields = sorted(set(trial.edited_fields) | marks)
            trial.save(update_fields=["edited_fields"])
        trial.refresh_derived_fields(reload=False)  # also bumps the catalogue version
        warm_counts_after_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        CatalogueVersion.bump()
        warm_counts_after_commit()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():  # the changelist's bulk delete action runs outside any transaction
            super().delete_queryset(request, queryset)
            CatalogueVersion.bump()
            warm_counts_after_commit()


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        # A renamed or reclassified intervention changes the drugs and search words of its trials (the change
        # view's transaction holds both). refresh_derived() bumps the catalogue version when any trial uses it.
        super().save_model(request, obj, form, change)
        if change and Trial.objects.filter(trial_interventions__intervention=obj).refresh_derived_fields():
            warm_counts_after_commit()


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["file_name", "trial", "format", "imported_at", "imported_by"]
    list_filter = ["format"]
    search_fields = ["file_name", "trial__nct_id", "sha256"]
    list_select_related = ["trial", "imported_by"]
    readonly_fields = ["trial", "file_name", "format", "sha256", "raw_text", "record", "imported_at", "imported_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
