"""Chainable reads and bulk upkeep of trials, shared by views, admin, exports and the importer."""
from django.db import connection, models

# One statement recomputes every derived column of the selected trials from the
# normalised tables. Weights: A identifies the trial, B says what it treats and with
# what, C is the summary, D the eligibility text and the places it runs.
REFRESH_DERIVED_SQL = """
WITH drug_names AS (
    SELECT ti.trial_id, array_agg(DISTINCT i.name ORDER BY i.name) AS names
    FROM trials_trialintervention ti JOIN trials_intervention i ON i.id = ti.intervention_id
    WHERE ti.trial_id = ANY(%(ids)s) AND i.kind IN ('DRUG', 'BIOLOGICAL')
    GROUP BY ti.trial_id
), all_interventions AS (
    SELECT ti.trial_id, string_agg(i.name || ' ' || ti.description, ' ') AS words
    FROM trials_trialintervention ti JOIN trials_intervention i ON i.id = ti.intervention_id
    WHERE ti.trial_id = ANY(%(ids)s)
    GROUP BY ti.trial_id
), site_facts AS (
    SELECT trial_id,
           array_agg(DISTINCT country) FILTER (WHERE country <> '') AS countries,
           string_agg(name || ' ' || city, ' ') AS words
    FROM trials_site WHERE trial_id = ANY(%(ids)s)
    GROUP BY trial_id
), criteria_text AS (
    SELECT trial_id, string_agg(text, ' ') AS words
    FROM trials_criterion WHERE trial_id = ANY(%(ids)s)
    GROUP BY trial_id
)
UPDATE trials_trial t SET
    drugs = coalesce(d.names, '{}'),
    countries = ARRAY(
        SELECT DISTINCT c FROM unnest(t.countries || coalesce(s.countries, '{}')) AS c ORDER BY c
    ),
    search_vector =
        setweight(to_tsvector('english', concat_ws(' ', t.nct_id, t.acronym, t.title, t.official_title)), 'A')
        || setweight(to_tsvector('english', concat_ws(' ',
               array_to_string(t.conditions, ' '), ai.words, array_to_string(t.subsites, ' '))), 'B')
        || setweight(to_tsvector('english', concat_ws(' ', t.summary, t.sponsor)), 'C')
        || setweight(to_tsvector('english', concat_ws(' ', ct.words, s.words)), 'D')
FROM trials_trial t2
LEFT JOIN drug_names d ON d.trial_id = t2.id
LEFT JOIN all_interventions ai ON ai.trial_id = t2.id
LEFT JOIN site_facts s ON s.trial_id = t2.id
LEFT JOIN criteria_text ct ON ct.trial_id = t2.id
WHERE t.id = t2.id AND t2.id = ANY(%(ids)s)
"""


class TrialQuerySet(models.QuerySet):
    def refresh_derived_fields(self):
        """Recompute drugs, countries and the search vector of these trials in one statement."""
        ids = list(self.values_list("pk", flat=True))
        if not ids:
            return 0
        with connection.cursor() as cursor:
            cursor.execute(REFRESH_DERIVED_SQL, {"ids": ids})
            return cursor.rowcount

    def recruiting(self):
        return self.filter(status="RECRUITING")
