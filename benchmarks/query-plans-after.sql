-- The statements that remain expensive at 550,000 trials when nothing is cached (bench_search
-- --no-cache), as the views send them. Run: psql -h 127.0.0.1 -U postgres -d bench_550k -f benchmarks/query-plans-after.sql
\timing on
\echo === A. Home page: every facet and the total in one pass (warmed after every write; a reader never pays it)
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.facet, v.value, count(*)
FROM (SELECT "trials_trial"."id" AS "pk", "trials_trial"."status", "trials_trial"."phase", "trials_trial"."subsites",
             "trials_trial"."drugs", "trials_trial"."countries", "trials_trial"."study_type" FROM "trials_trial") AS base
CROSS JOIN LATERAL (VALUES ('', ARRAY['']), ('status', ARRAY[base."status"]::text[]), ('phase', ARRAY[base."phase"]::text[]),
    ('subsites', base."subsites"::text[]), ('drugs', base."drugs"::text[]), ('countries', base."countries"::text[]),
    ('study_type', ARRAY[base."study_type"]::text[])) AS f(facet, vals)
CROSS JOIN LATERAL unnest(f.vals) AS v(value)
GROUP BY f.facet, v.value;

\echo === B. One facet chosen (status RECRUITING): the five other facets over the recruiting trials
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.facet, v.value, count(*)
FROM (SELECT "trials_trial"."id" AS "pk", "trials_trial"."phase", "trials_trial"."subsites", "trials_trial"."drugs",
             "trials_trial"."countries", "trials_trial"."study_type" FROM "trials_trial"
      WHERE "trials_trial"."status" IN ('RECRUITING')) AS base
CROSS JOIN LATERAL (VALUES ('', ARRAY['']), ('phase', ARRAY[base."phase"]::text[]), ('subsites', base."subsites"::text[]),
    ('drugs', base."drugs"::text[]), ('countries', base."countries"::text[]),
    ('study_type', ARRAY[base."study_type"]::text[])) AS f(facet, vals)
CROSS JOIN LATERAL unnest(f.vals) AS v(value)
GROUP BY f.facet, v.value;

\echo === C. Text query, first page by rank: every match ranked on the small rank_vector
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, ts_rank(rank_vector, q)::double precision AS rank
FROM trials_trial, CAST('''nasopharyng'' & ''carcinoma''' AS tsquery) AS q
WHERE search_vector @@ q
ORDER BY rank DESC, id DESC LIMIT 21;

\echo === D. Text query: its facet counts over the 66,000 matches
EXPLAIN (ANALYZE, BUFFERS)
SELECT f.facet, v.value, count(*)
FROM (SELECT "trials_trial"."id" AS "pk", "trials_trial"."status", "trials_trial"."phase", "trials_trial"."subsites",
             "trials_trial"."drugs", "trials_trial"."countries", "trials_trial"."study_type" FROM "trials_trial"
      WHERE search_vector @@ CAST('''nasopharyng'' & ''carcinoma''' AS tsquery)) AS base
CROSS JOIN LATERAL (VALUES ('', ARRAY['']), ('status', ARRAY[base."status"]::text[]), ('phase', ARRAY[base."phase"]::text[]),
    ('subsites', base."subsites"::text[]), ('drugs', base."drugs"::text[]), ('countries', base."countries"::text[]),
    ('study_type', ARRAY[base."study_type"]::text[])) AS f(facet, vals)
CROSS JOIN LATERAL unnest(f.vals) AS v(value)
GROUP BY f.facet, v.value;
