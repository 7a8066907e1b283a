-- The representative searches of the public pages as raw SQL, for EXPLAIN (ANALYZE, BUFFERS).
-- Run: psql -h 127.0.0.1 -U postgres -d bench_550k -f benchmarks/query-plans.sql
-- Each facet is counted over the trials filtered by the *other* facets (disjunctive facets), and
-- a facet with no value selected adds no condition, as the view's queryset does.
\timing on
SET jit = off;  -- see query-plans.md: JIT compilation costs more than it saves on these statements

\echo '=== A. Four facet counts, no filter'
EXPLAIN (ANALYZE, BUFFERS) SELECT phase, count(*) FROM trials_trial GROUP BY phase;
EXPLAIN (ANALYZE, BUFFERS) SELECT status, count(*) FROM trials_trial GROUP BY status;
EXPLAIN (ANALYZE, BUFFERS)
SELECT c, count(*) FROM trials_trial, unnest(countries) AS c GROUP BY c ORDER BY count(*) DESC, c LIMIT 10;
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) FROM trials_trial, unnest(drugs) AS d GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM trials_trial;

\echo '=== B. Four facet counts, broad filter: country = US'
EXPLAIN (ANALYZE, BUFFERS)
SELECT phase, count(*) FROM trials_trial WHERE countries && '{US}'::varchar(2)[] GROUP BY phase;
EXPLAIN (ANALYZE, BUFFERS)
SELECT status, count(*) FROM trials_trial WHERE countries && '{US}'::varchar(2)[] GROUP BY status;
EXPLAIN (ANALYZE, BUFFERS)  -- the country facet ignores its own filter: same as A
SELECT c, count(*) FROM trials_trial, unnest(countries) AS c GROUP BY c ORDER BY count(*) DESC, c LIMIT 10;
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) FROM trials_trial, unnest(drugs) AS d
WHERE countries && '{US}'::varchar(2)[] GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;

\echo '=== C. Four facet counts, selective filter: status RECRUITING, country FR, drug pembrolizumab'
EXPLAIN (ANALYZE, BUFFERS)
SELECT phase, count(*) FROM trials_trial
WHERE status = 'RECRUITING' AND countries && '{FR}'::varchar(2)[] AND drugs && '{pembrolizumab}'::varchar(120)[]
GROUP BY phase;
EXPLAIN (ANALYZE, BUFFERS)
SELECT status, count(*) FROM trials_trial
WHERE countries && '{FR}'::varchar(2)[] AND drugs && '{pembrolizumab}'::varchar(120)[]
GROUP BY status;
EXPLAIN (ANALYZE, BUFFERS)
SELECT c, count(*) FROM trials_trial, unnest(countries) AS c
WHERE status = 'RECRUITING' AND drugs && '{pembrolizumab}'::varchar(120)[]
GROUP BY c ORDER BY count(*) DESC, c LIMIT 10;
EXPLAIN (ANALYZE, BUFFERS)
SELECT d, count(*) FROM trials_trial, unnest(drugs) AS d
WHERE status = 'RECRUITING' AND countries && '{FR}'::varchar(2)[]
GROUP BY d ORDER BY count(*) DESC, d LIMIT 10;

\echo '=== D. Full-text search with ts_rank, first page: a narrow and a broad query'
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, nct_id, title, ts_rank(search_vector, q) AS rank
FROM trials_trial, websearch_to_tsquery('english', 'pembrolizumab nasopharyngeal') AS q
WHERE search_vector @@ q ORDER BY rank DESC, id DESC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, nct_id, title, ts_rank(search_vector, q) AS rank
FROM trials_trial, websearch_to_tsquery('english', 'carcinoma') AS q
WHERE search_vector @@ q ORDER BY rank DESC, id DESC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM trials_trial WHERE search_vector @@ websearch_to_tsquery('english', 'carcinoma');

\echo '=== E. Trigram lookup of a misspelt word in the distinct-words table'
EXPLAIN (ANALYZE, BUFFERS)
SELECT word, similarity(word, 'pembrolizumb') AS s FROM trials_searchword
WHERE word % 'pembrolizumb' ORDER BY s DESC, word LIMIT 3;
EXPLAIN (ANALYZE, BUFFERS)
SELECT word, similarity(word, 'nasopharyngal') AS s FROM trials_searchword
WHERE word % 'nasopharyngal' ORDER BY s DESC, word LIMIT 3;

\echo '=== F. Deep page: OFFSET 400000 against a keyset page, "recently added" order'
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, nct_id, title, created_at FROM trials_trial ORDER BY created_at DESC, id DESC OFFSET 400000 LIMIT 20;
-- The keyset page starts after the last row of the previous page, which the page's link carries.
SELECT created_at AS anchor_at, id AS anchor_id FROM trials_trial
ORDER BY created_at DESC, id DESC OFFSET 399999 LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS)
SELECT id, nct_id, title, created_at FROM trials_trial
WHERE (created_at, id) < (:'anchor_at'::timestamptz, :anchor_id)
ORDER BY created_at DESC, id DESC LIMIT 20;
