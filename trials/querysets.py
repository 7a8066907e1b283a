"""Chainable reads and bulk upkeep of trials, shared by views, admin, exports and the importer."""
import re
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import F, Q, Value
from django.db.models.functions import Cast, Coalesce

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
    subsites = coalesce(%(subsites)s::varchar(16)[], t.subsites),
    countries = ARRAY(
        SELECT DISTINCT c FROM unnest(t.countries || coalesce(s.countries, '{}')) AS c ORDER BY c
    ),
    search_vector =
        setweight(to_tsvector('english', concat_ws(' ', t.nct_id, t.acronym, t.title, t.official_title)), 'A')
        || setweight(to_tsvector('english', concat_ws(' ', array_to_string(t.conditions, ' '), ai.words,
               array_to_string(coalesce(%(subsites)s::varchar(16)[], t.subsites), ' '))), 'B')
        || setweight(to_tsvector('english', concat_ws(' ', t.summary, t.sponsor)), 'C')
        || setweight(to_tsvector('english', concat_ws(' ', ct.words, s.words)), 'D'),
    rank_vector =
        setweight(to_tsvector('english', concat_ws(' ', t.acronym, t.title, t.official_title)), 'A')
        || setweight(to_tsvector('english', concat_ws(' ', array_to_string(t.conditions, ' '),
               array_to_string(d.names, ' '),
               array_to_string(coalesce(%(subsites)s::varchar(16)[], t.subsites), ' '))), 'B')
FROM trials_trial t2
LEFT JOIN drug_names d ON d.trial_id = t2.id
LEFT JOIN all_interventions ai ON ai.trial_id = t2.id
LEFT JOIN site_facts s ON s.trial_id = t2.id
LEFT JOIN criteria_text ct ON ct.trial_id = t2.id
WHERE t.id = t2.id AND t2.id = ANY(%(ids)s)
"""


# The search vocabulary (trials_searchword) gains the lexemes of the trials just refreshed. NCT IDs
# stay out: one typed whole opens its trial, and they would be most of the vocabulary.
NCT_ID_LEXEME = "^nct[0-9]{8}$"
ADD_SEARCH_WORDS_SQL = f"""
INSERT INTO trials_searchword (word)
SELECT DISTINCT w.lexeme FROM trials_trial t, unnest(t.search_vector) AS w
WHERE t.id = ANY(%(ids)s) AND w.lexeme !~ '{NCT_ID_LEXEME}'
ON CONFLICT (word) DO NOTHING
"""
REBUILD_SEARCH_WORDS_SQL = f"""
DELETE FROM trials_searchword;
INSERT INTO trials_searchword (word)
SELECT word FROM ts_stat('SELECT search_vector FROM trials_trial') WHERE word !~ '{NCT_ID_LEXEME}';
"""
# The catalogue version (trials.CatalogueVersion) changes in the transaction of every write, to a
# new random number: no two states of any catalogue share one, even two databases sharing a cache,
# or a database dropped and made again. An upsert, so that a database emptied by a flush gets one.
NEW_VERSION = "(random() * 9e18)::bigint"
BUMP_VERSION_SQL = f"""
INSERT INTO trials_catalogueversion (id, version) VALUES (1, {NEW_VERSION})
ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version
"""

# For each word typed: its English stem, whether that stem is a known search word, and the known
# words closest to it by trigram similarity (served by the searchword_word_trgm index).
EXPAND_TERMS_SQL = """
SELECT s.stem,
       EXISTS (SELECT 1 FROM trials_searchword k WHERE k.word = s.stem) AS known,
       ARRAY(
           SELECT w.word FROM trials_searchword w
           WHERE w.word %% s.stem AND similarity(w.word, s.stem) >= %(min_similarity)s
           ORDER BY similarity(w.word, s.stem) DESC, w.word LIMIT 3
       ) AS similar
FROM unnest(%(terms)s::text[]) WITH ORDINALITY AS u(term, position)
LEFT JOIN LATERAL (
    SELECT v.lexeme AS stem FROM unnest(to_tsvector('english', u.term)) AS v LIMIT 1
) s ON true
ORDER BY u.position
"""
MIN_SIMILARITY = 0.4
MAX_TERMS = 12
TERM = re.compile(r"(-?)([^\W_]+)")
# Marks around highlighted words in snippets; control characters no trial text contains, so the
# template can escape the whole snippet and only then turn them into <mark> (catalog.templatetags).
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"

# Each sort of the search page is read as (key DESC, id DESC); keys never NULL so keyset pages work.
START_DATE_KEY = Coalesce(F("start_date"), Value(date(1, 1, 1)), output_field=models.DateField())
ENROLLMENT_KEY = Coalesce(F("enrollment"), Value(-1), output_field=models.IntegerField())
SORT_KEYS = {
    "relevance": F("rank"),
    "recent": F("created_at"),
    "start": START_DATE_KEY,
    "enrollment": ENROLLMENT_KEY,
}

# Counts of several facets over one filtered set of trials in a single pass: each trial row is
# unnested into (facet, value) pairs, one hash aggregate counts them all, and the ('', '') group
# counts the trials themselves. Over many trials the row source is an index-only scan of
# trial_facets_cover.
FACET_COUNTS_SQL = """
SELECT f.facet, v.value, count(*)
FROM ({base}) AS base
CROSS JOIN LATERAL (VALUES ('', ARRAY['']), {facets}) AS f(facet, vals)
CROSS JOIN LATERAL unnest(f.vals) AS v(value)
GROUP BY f.facet, v.value
"""


def refresh_derived(ids, subsites=None):
    """Recompute drugs, countries, subsites (given for one trial, else kept), search_vector and
    rank_vector of the trials `ids`, add their words to the search vocabulary and bump the catalogue
    version: one round trip. Returns how many trials were updated."""
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            ";".join([REFRESH_DERIVED_SQL, ADD_SEARCH_WORDS_SQL, BUMP_VERSION_SQL]),
            {"ids": list(ids), "subsites": subsites},
        )
        return cursor.rowcount


class TsQuery(SearchQuery):
    """A tsquery already written in lexemes: cast as it is, not parsed and stemmed again."""

    def __init__(self, text):
        super().__init__(text, search_type="raw")

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql})::tsquery", params


def quote_lexeme(word):
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def parse_terms(text):
    """Words of a search box, as (negated, word, joined_by_or); 'or' between two words makes them alternatives."""
    terms, alternative = [], False
    for minus, word in TERM.findall(text.lower()):
        if word == "or" and not minus:
            alternative = bool(terms)
            continue
        terms.append((bool(minus), word, alternative))
        alternative = False
    return terms[:MAX_TERMS]


def build_tsquery(text):
    """The tsquery text for what someone typed, forgiving typos and partial words; None if nothing to search.

    A word whose stem is a word of some trial matches that word exactly. Any other word matches its
    stem as a prefix ("nasophar" finds "nasopharyngeal") or the nearest known words ("pembrolizumb"
    finds "pembrolizumab"). Exact words keep a broad search cheap: a prefix term makes PostgreSQL
    recheck every match against its (TOASTed) search vector, an exact one does not.
    """
    terms = parse_terms(text)
    if not terms:
        return None
    with connection.cursor() as cursor:
        cursor.execute(EXPAND_TERMS_SQL, {"terms": [w for _, w, _ in terms], "min_similarity": MIN_SIMILARITY})
        expansions = cursor.fetchall()
    parts = []
    for (negated, _, alternative), (stem, known, similar) in zip(terms, expansions):
        if not stem:  # a stop word
            continue
        if negated:
            group = "!" + quote_lexeme(stem)
        else:
            options = [quote_lexeme(stem)] if known else [quote_lexeme(stem) + ":*", *map(quote_lexeme, similar)]
            group = "(" + " | ".join(options) + ")"
        parts.append((" | " if alternative and parts else " & ") + group)
    return "".join(parts)[3:] or None


class TrialQuerySet(models.QuerySet):
    def refresh_derived_fields(self):
        """Recompute drugs, countries and the search vectors of these trials (refresh_derived)."""
        return refresh_derived(list(self.values_list("pk", flat=True)))

    def recruiting(self):
        return self.filter(status="RECRUITING")

    def search(self, text):
        """Trials matching the words typed, with their rank and highlighted title and summary."""
        return self.matching(build_tsquery(text))

    def matching(self, tsquery):
        """Trials matching a tsquery from build_tsquery(), ranked and with snippets; all of them for None."""
        if tsquery is None:
            return self
        query = TsQuery(tsquery)
        marks = {"config": "english", "start_sel": HIGHLIGHT_START, "stop_sel": HIGHLIGHT_STOP}
        return self.annotate(
            # As double precision: ts_rank's real would not round-trip through a page cursor.
            rank=Cast(SearchRank(F("rank_vector"), query), models.FloatField()),
            title_snippet=SearchHeadline("title", query, highlight_all=True, **marks),
            summary_snippet=SearchHeadline(
                "summary", query, max_words=35, min_words=20, max_fragments=2, fragment_delimiter=" … ", **marks
            ),
        ).filter(search_vector=query)

    def with_any(self, field, values):
        """Trials whose array `field` shares a value with `values` (drugs, countries, subsites)."""
        return self.filter(**{f"{field}__overlap": list(values)}) if values else self

    def with_value_in(self, field, values):
        return self.filter(**{f"{field}__in": list(values)}) if values else self

    def eligible_at_age(self, years):
        """Trials a person of this age may join; an unknown bound does not exclude anyone."""
        return self.filter(
            Q(min_age_years__isnull=True) | Q(min_age_years__lte=years),
            Q(max_age_years__isnull=True) | Q(max_age_years__gte=years),
        )

    def sorted_by(self, sort):
        """Order by one of SORT_KEYS, as (key DESC, id DESC); the key is kept as `sort_key` for keyset pages."""
        return self.annotate(sort_key=SORT_KEYS[sort]).order_by(F("sort_key").desc(), F("pk").desc())

    def after(self, key, pk):
        """The trials that come after (key, pk) in the sorted_by() order: an index range, not an OFFSET."""
        return self.filter(Q(sort_key__lt=key) | Q(sort_key=key, pk__lt=pk), sort_key__lte=key)

    def before(self, key, pk):
        """The trials that come before (key, pk), nearest first (read them reversed)."""
        return self.filter(Q(sort_key__gt=key) | Q(sort_key=key, pk__gt=pk), sort_key__gte=key).reverse()

    def for_listing(self):
        """Only the columns a result card or an export shows."""
        return self.defer("search_vector", "edited_fields", "official_title", "collaborators")

    def facet_counts(self, fields):
        """Count these trials by the values of each of `fields` in one query (FACET_COUNTS_SQL).

        Returns (trials in this set, {field: [(value, count), ...] most common first, then by value}).
        """
        columns = [self.model._meta.get_field(name) for name in fields]
        base_sql, params = self.order_by().values("pk", *fields).query.sql_with_params()
        facets = []
        for column in columns:
            quoted = "base." + connection.ops.quote_name(column.column)
            values = quoted if column.get_internal_type() == "ArrayField" else f"ARRAY[{quoted}]"
            facets.append(f"('{column.name}', {values}::text[])")
        sql = FACET_COUNTS_SQL.format(base=base_sql, facets=", ".join(facets))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        counts = {name: [] for name in fields}
        total = 0
        for facet, value, n in rows:
            if facet == "":
                total = n
            elif value:
                counts[facet].append((value, n))
        for values in counts.values():
            values.sort(key=lambda pair: (-pair[1], pair[0]))
        return total, counts
