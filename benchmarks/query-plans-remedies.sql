-- Measurements behind the proposal of query-plans.md, on bench_550k. Each one is undone at the end.
\timing on
SET jit = off;

\echo '=== R1. JIT: the no-filter drug facet with jit on'
SET jit = on;
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) FROM trials_trial, unnest(drugs) AS d GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;
SET jit = off;

\echo '=== R2. The facet statement as catalog/facets.py sends it (MATERIALIZED base), drugs, no filter'
EXPLAIN (ANALYZE, BUFFERS)
WITH base AS MATERIALIZED (SELECT id, drugs FROM trials_trial),
counts AS (SELECT v.value, count(*) AS n FROM base, unnest(base.drugs) AS v(value) WHERE v.value <> '' GROUP BY v.value)
SELECT total.n, top.value, top.n, top.options
FROM (SELECT count(*) AS n FROM base) AS total
LEFT JOIN LATERAL (SELECT value, n, count(*) OVER () AS options FROM counts
                   ORDER BY value = ANY('{}'::text[]) DESC, n DESC, value LIMIT 8) AS top ON true;

\echo '=== R3. All six facets in one pass over the trials, no filter'
EXPLAIN (ANALYZE, BUFFERS)
SELECT 'phase' AS facet, phase AS value, count(*) FROM trials_trial GROUP BY phase
UNION ALL SELECT 'status', status, count(*) FROM trials_trial GROUP BY status
UNION ALL SELECT 'study_type', study_type, count(*) FROM trials_trial GROUP BY study_type
UNION ALL SELECT 'subsite', v, count(*) FROM trials_trial, unnest(subsites) v GROUP BY v
UNION ALL SELECT 'drug', v, count(*) FROM trials_trial, unnest(drugs) v GROUP BY v
UNION ALL SELECT 'country', v, count(*) FROM trials_trial, unnest(countries) v GROUP BY v;

\echo '=== R4. A covering index of the facet columns: the same drug and country counts from it'
CREATE INDEX trial_facets_cover ON trials_trial (id) INCLUDE (phase, status, study_type, subsites, drugs, countries);
VACUUM ANALYZE trials_trial;
SELECT pg_size_pretty(pg_relation_size('trial_facets_cover')) AS cover_index_size;
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) FROM trials_trial, unnest(drugs) AS d GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;
EXPLAIN (ANALYZE, BUFFERS)
SELECT c, count(*) FROM trials_trial, unnest(countries) AS c
WHERE countries && '{US}'::varchar(2)[] GROUP BY c ORDER BY count(*) DESC, c LIMIT 10;
DROP INDEX trial_facets_cover;

\echo '=== R5. Broad text match counted from the GIN index alone (exact bitmap: more work_mem), and capped'
SET work_mem = '64MB';
SET enable_seqscan = off;
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM trials_trial WHERE search_vector @@ websearch_to_tsquery('english', 'carcinoma');
RESET enable_seqscan;
RESET work_mem;
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM (SELECT 1 FROM trials_trial
                      WHERE search_vector @@ websearch_to_tsquery('english', 'carcinoma') LIMIT 1001) AS capped;

\echo '=== R6. Ranking a broad match on a small vector (title, conditions, drugs: weights A and B only)'
CREATE TEMP TABLE rank_vectors AS
SELECT id, setweight(to_tsvector('english', title), 'A')
           || setweight(to_tsvector('english', array_to_string(conditions, ' ') || ' ' || array_to_string(drugs, ' ')), 'B') AS v
FROM trials_trial;
ANALYZE rank_vectors;
SELECT pg_size_pretty(pg_total_relation_size('rank_vectors')) AS small_vectors_size;
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, ts_rank(v, q) AS rank FROM rank_vectors, websearch_to_tsquery('english', 'carcinoma') q
WHERE v @@ q ORDER BY rank DESC, id DESC LIMIT 20;
DROP TABLE rank_vectors;

\echo '=== R7. Trigram lookup without the NCT IDs in the vocabulary'
CREATE TEMP TABLE words AS SELECT word FROM trials_searchword WHERE word !~ '^nct[0-9]{8}$';
CREATE INDEX ON words USING gin (word gin_trgm_ops);
ANALYZE words;
SELECT count(*) AS words_without_nct_ids FROM words;
EXPLAIN (ANALYZE, BUFFERS)
SELECT word, similarity(word, 'pembrolizumb') AS s FROM words WHERE word % 'pembrolizumb' ORDER BY s DESC, word LIMIT 3;
DROP TABLE words;

\echo '=== R8. Approximate counts for a broad base: a 10 % block sample, scaled'
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) * 10 AS about FROM trials_trial TABLESAMPLE SYSTEM (10) REPEATABLE (1), unnest(drugs) AS d
GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;
SELECT d, count(*) * 10 AS about FROM trials_trial TABLESAMPLE SYSTEM (10) REPEATABLE (1), unnest(drugs) AS d
GROUP BY d ORDER BY count(*) DESC, d LIMIT 5;
SELECT d, count(*) AS exact FROM trials_trial, unnest(drugs) AS d GROUP BY d ORDER BY count(*) DESC, d LIMIT 5;

\echo '=== R9. One facet chosen (status = RECRUITING): the five other facets share one base, counted once'
EXPLAIN (ANALYZE, BUFFERS)
WITH base AS MATERIALIZED (SELECT phase, study_type, subsites, drugs, countries FROM trials_trial WHERE status = 'RECRUITING')
SELECT 'phase', phase, count(*) FROM base GROUP BY phase
UNION ALL SELECT 'study_type', study_type, count(*) FROM base GROUP BY study_type
UNION ALL SELECT 'subsite', v, count(*) FROM base, unnest(subsites) v GROUP BY v
UNION ALL SELECT 'drug', v, count(*) FROM base, unnest(drugs) v GROUP BY v
UNION ALL SELECT 'country', v, count(*) FROM base, unnest(countries) v GROUP BY v;
