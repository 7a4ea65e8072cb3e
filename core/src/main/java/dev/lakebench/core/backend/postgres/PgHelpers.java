package dev.lakebench.core.backend.postgres;

/**
 * The {@code lakebench} schema every workspace of a database shares: the media domains over {@code bytea}, the
 * ledger of completely ingested sources, the workspace registry, and the plain-SQL BM25 used when pg_search is
 * absent.
 */
final class PgHelpers {

    static final String SCHEMA = PgColumnTypes.HELPER_SCHEMA;
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
            OR_QUERY_FUNCTION,
            BM25_FUNCTION,
        };
    }

    /**
     * The terms of a query as an OR of its lexemes ({@code 'red' | 'fox'}), for matching documents before they are
     * scored: {@code to_tsvector('english', col) @@ lakebench.any_term(q)} runs in C and can use a GIN index on
     * {@code to_tsvector('english', col)}; NULL (no row matches) when the query has no terms.
     */
    static final String OR_QUERY_FUNCTION = """
            CREATE OR REPLACE FUNCTION lakebench.any_term(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
              SELECT nullif(string_agg(quote_literal(t), ' | '), '')::tsquery FROM unnest(tsvector_to_array(to_tsvector('english', query))) AS t
            $fn$""";

    /**
     * BM25 without pg_search, pg_deeplake's formula as the local engine scores it (k1 = 1.5, b = 0.75, idf =
     * ln((N - n + 0.5) / (n + 0.5)), at least 0.001); terms come from the {@code english} text search
     * configuration, which stems and drops stop words where the local engine does not. The collection statistics of a (table, column, query) are
     * computed once per transaction and kept in a transaction-local setting, so one statement scans the table
     * once for them, then once to score: fine for thousands of rows, not for millions (use pg_search there).
     */
    static final String BM25_FUNCTION = """
            CREATE OR REPLACE FUNCTION lakebench.bm25(doc text, query text, rel regclass, col text) RETURNS double precision
            LANGUAGE plpgsql VOLATILE AS $fn$
            DECLARE
              key text := 'lakebench.bm25_' || md5(rel::oid::text || '/' || col || '/' || coalesce(query, ''));
              stats jsonb;
              dv tsvector;
              dl double precision;
              n double precision;
              avgdl double precision;
              df double precision;
              tf double precision;
              term text;
              score double precision := 0;
            BEGIN
              IF doc IS NULL OR query IS NULL THEN
                RETURN 0;
              END IF;
              stats := nullif(current_setting(key, true), '')::jsonb;
              IF stats IS NULL THEN
                EXECUTE format($q$
                  WITH d AS (SELECT to_tsvector('english', %1$I) AS v FROM %2$s WHERE %1$I IS NOT NULL),
                  l AS (SELECT v, (SELECT coalesce(sum(coalesce(array_length(positions, 1), 1)), 0) FROM unnest(v)) AS len FROM d),
                  q AS (SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', $1))) AS term)
                  SELECT jsonb_build_object('n', count(*) FILTER (WHERE len > 0), 'avgdl', coalesce(avg(len) FILTER (WHERE len > 0), 0),
                    'df', (SELECT coalesce(jsonb_object_agg(q.term, (SELECT count(*) FROM l WHERE q.term = ANY (tsvector_to_array(l.v)))), '{}') FROM q))
                  FROM l $q$, col, rel) INTO stats USING query;
                PERFORM set_config(key, stats::text, true);
              END IF;
              n := (stats->>'n')::double precision;
              avgdl := (stats->>'avgdl')::double precision;
              IF n = 0 OR avgdl = 0 THEN
                RETURN 0;
              END IF;
              dv := to_tsvector('english', doc);
              SELECT coalesce(sum(coalesce(array_length(positions, 1), 1)), 0) INTO dl FROM unnest(dv);
              FOR term, df IN SELECT k, v::double precision FROM jsonb_each_text(stats->'df') AS e(k, v) LOOP
                SELECT coalesce(array_length(positions, 1), 1) INTO tf FROM unnest(dv) WHERE lexeme = term;
                IF tf IS NOT NULL AND tf > 0 THEN
                  score := score + greatest(0.001, ln((n - df + 0.5) / (df + 0.5))) * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * dl / avgdl));
                END IF;
              END LOOP;
              RETURN score;
            END
            $fn$""";
}
