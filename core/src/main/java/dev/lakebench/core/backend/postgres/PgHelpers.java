package dev.lakebench.core.backend.postgres;

/**
 * The {@code lakebench} schema every workspace of a database shares: the media domains over {@code bytea}, the
 * ledger of completely ingested sources, the workspace registry, and the plain-SQL BM25 used when pg_search is
 * absent (its word function and scorer), and MaxSim for multi-vector columns.
 */
final class PgHelpers {

    static final String SCHEMA = PgColumnTypes.HELPER_SCHEMA;
    /** The function {@link #ddl()} creates last: a database without it gets (or catches up on) the whole set. */
    static final String LAST_FUNCTION = "maxsim";

    static final String WORKSPACES = SCHEMA + ".workspaces";
    static final String LEDGER = SCHEMA + ".ingest_sources";

    private PgHelpers() {}

    static String[] ddl() {
        return new String[] {
            "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
            "CREATE TABLE IF NOT EXISTS " + WORKSPACES
                    + " (id text PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
            "CREATE TABLE IF NOT EXISTS " + LEDGER
                    + " (table_oid oid NOT NULL, source_id text NOT NULL, rows bigint NOT NULL,"
                    + " recorded_at timestamptz NOT NULL DEFAULT now())",
            "CREATE INDEX IF NOT EXISTS ingest_sources_table ON " + LEDGER + " (table_oid, source_id)",
            PgColumnTypes.domainsDdl(),
            wordsFunction(),
            BM25_FUNCTION,
            MAXSIM_FUNCTION,
        };
    }

    /** The longest word counted, in characters: longer runs cannot be GIN index keys (at most about 2,700 bytes). */
    static final int MAX_WORD = 255;

    /**
     * {@code lakebench.words(text)}: the words of a text as the local engine's BM25 counts them, in order with
     * duplicates (see {@link PgWordPattern}): lower-cased, English possessives removed, no stemming, no stop
     * words. The matching condition {@code lakebench.words(col) && lakebench.words(q)} runs in C and is served by
     * the default text index, a GIN index on {@code lakebench.words(col)}.
     */
    static String wordsFunction() {
        return """
                CREATE OR REPLACE FUNCTION lakebench.words(doc text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
                  SELECT coalesce(array_agg(w), '{}') FROM (SELECT regexp_replace(m[1], $p$['\\u2019]s$$p$, '') AS w
                    FROM regexp_matches(lower(doc), $p$%s$p$, 'g') AS m) x WHERE length(w) <= %d
                $fn$""".formatted(PgWordPattern.regex(), MAX_WORD);
    }

    /**
     * BM25 without pg_search, pg_deeplake's formula as the local engine scores it: k1 = 1.5, b = 0.75, idf =
     * ln((N - n + 0.5) / (n + 0.5)) (at least 0.001), N the documents with at least one word, |D| a document's
     * word count, all over {@code lakebench.words}. The collection statistics of a (table, column, query) are
     * computed once per transaction and kept in a transaction-local setting, so one statement scans the table once
     * for them, then scores the matching rows: fine for thousands of rows, not for millions (use pg_search there).
     */
    static final String BM25_FUNCTION = """
            CREATE OR REPLACE FUNCTION lakebench.bm25(doc text, query text, rel regclass, col text) RETURNS double precision
            LANGUAGE plpgsql VOLATILE AS $fn$
            DECLARE
              key text := 'lakebench.bm25_' || md5(rel::oid::text || '/' || col || '/' || coalesce(query, ''));
              stats jsonb;
              dv text[];
              n double precision;
              avgdl double precision;
              score double precision;
            BEGIN
              IF doc IS NULL OR query IS NULL THEN
                RETURN 0;
              END IF;
              stats := nullif(current_setting(key, true), '')::jsonb;
              IF stats IS NULL THEN
                EXECUTE format($q$
                  WITH l AS MATERIALIZED (SELECT lakebench.words(%1$I) AS w FROM %2$s WHERE %1$I IS NOT NULL),
                  q AS (SELECT DISTINCT t AS term FROM unnest(lakebench.words($1)) AS t)
                  SELECT jsonb_build_object('n', count(*) FILTER (WHERE cardinality(w) > 0), 'len', coalesce(sum(cardinality(w)), 0),
                    'df', (SELECT coalesce(jsonb_object_agg(q.term, (SELECT count(*) FROM l WHERE q.term = ANY (l.w))), '{}') FROM q))
                  FROM l $q$, col, rel) INTO stats USING query;
                PERFORM set_config(key, stats::text, true);
              END IF;
              n := (stats->>'n')::double precision;
              IF n = 0 THEN
                RETURN 0;
              END IF;
              avgdl := (stats->>'len')::double precision / n;
              dv := lakebench.words(doc);
              SELECT coalesce(sum(greatest(0.001, ln((n - d.df::double precision + 0.5) / (d.df::double precision + 0.5)))
                       * t.tf * 2.5 / (t.tf + 1.5 * (0.25 + 0.75 * cardinality(dv)::double precision / avgdl))), 0)
                INTO score
                FROM (SELECT w AS term, count(*)::double precision AS tf FROM unnest(dv) AS w GROUP BY w) AS t
                JOIN jsonb_each_text(stats->'df') AS d(term, df) USING (term);
              RETURN score;
            END
            $fn$""";

    /**
     * MaxSim (late interaction) as the local engine scores it: for each query row the best cosine against the
     * document's rows, summed; zero document rows are skipped, a document without a non-zero row scores NULL (as in the local
     * engine; the translated ORDER BY puts it last). The
     * query is one row ({@code real[]}) or several ({@code real[][]}). Computed in double precision by plain SQL
     * over the unnested elements, without an index: the cost per document is query rows × document rows × size,
     * so it is for small tables.
     */
    static final String MAXSIM_FUNCTION = """
            CREATE OR REPLACE FUNCTION lakebench.maxsim(doc real[], query real[]) RETURNS double precision
            LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
            DECLARE
              dd int := array_length(doc, greatest(array_ndims(doc), 1));
              qd int := array_length(query, greatest(array_ndims(query), 1));
              zero bigint;
              s double precision;
            BEGIN
              IF doc IS NULL OR query IS NULL OR dd IS NULL THEN
                RETURN NULL;
              END IF;
              IF qd IS NULL OR array_ndims(query) > 2 THEN
                RAISE EXCEPTION 'The MaxSim query must be a vector or a matrix (rows of % values), got an array of % dimensions',
                  dd, coalesce(array_ndims(query), 0) USING ERRCODE = '22023';
              END IF;
              IF qd <> dd THEN
                RAISE EXCEPTION 'The rows of the MaxSim query have % values, but the column''s rows have %; pass rows of % values',
                  qd, dd, dd USING ERRCODE = '22023';
              END IF;
              SELECT min(r) + 1 INTO zero FROM (SELECT (k - 1) / qd AS r FROM unnest(query) WITH ORDINALITY AS u(x, k)
                GROUP BY 1 HAVING sum(x::double precision * x) = 0) z;
              IF zero IS NOT NULL THEN
                RAISE EXCEPTION 'Row % of the MaxSim query is all zeros; cosine similarity with it is undefined', zero
                  USING ERRCODE = '22023';
              END IF;
              SELECT sum(best) INTO s FROM (
                SELECT max(dot / sqrt(dn * qn)) AS best FROM (
                  SELECT q.r AS qr, sum(q.x * d.x) AS dot, sum(d.x * d.x) AS dn, sum(q.x * q.x) AS qn
                  FROM (SELECT (k - 1) / qd AS r, (k - 1) % qd AS c, x::double precision AS x FROM unnest(query) WITH ORDINALITY AS u(x, k)) q
                  JOIN (SELECT (k - 1) / dd AS r, (k - 1) % dd AS c, x::double precision AS x FROM unnest(doc) WITH ORDINALITY AS u(x, k)) d USING (c)
                  GROUP BY q.r, d.r) p
                WHERE dn > 0
                GROUP BY qr) b;
              RETURN s;
            END
            $fn$""";
}
