package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.natives.engine.EngineSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dialect parses SQL itself (the engine's parser rejects {@code <#>}); this suite checks it against the
 * engine's own PostgreSQL-derived grammar. Each statement is given to DuckDB's {@code json_serialize_sql} with
 * {@code <#>} replaced by {@code <=>} (same length, a custom operator it accepts at the same precedence), and the
 * operand ranges DuckDB reports for every {@code <=>} and {@code @>} must equal the ones our parser finds.
 */
class ExprParserConformanceTest {

    static EngineSession engine;
    static Connection c;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void open() {
        engine = EngineSession.inMemory();
        c = engine.connect();
    }

    @AfterAll
    static void close() throws Exception {
        c.close();
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT emb <#> $1 FROM t",
                "SELECT id, emb <#> $1 AS s FROM t ORDER BY s DESC LIMIT 10",
                "SELECT a.emb <#> b.emb FROM t a, t b",
                "SELECT 1 - emb <#> $1 FROM t",
                "SELECT emb <#> $1 * 2 FROM t",
                "SELECT emb <#> $1 > 0.5 FROM t",
                "SELECT x || y <#> z FROM t",
                "SELECT x <#> y || z FROM t",
                "SELECT x <#> y <#> z FROM t",
                "SELECT x <#> y @> z FROM t",
                "SELECT a = b <#> c FROM t",
                "SELECT a <#> b = c FROM t",
                "SELECT -emb <#> $1 FROM t",
                "SELECT 2 ^ x <#> y FROM t",
                "SELECT x <#> y::int FROM t",
                "SELECT emb <#> ARRAY[0.1, -0.2, 1e-3]::FLOAT4[] FROM t",
                "SELECT emb <#> [0.1, 0.2] FROM t",
                "SELECT emb <#> $1::FLOAT4[] FROM t",
                "SELECT t.emb <#> (SELECT emb FROM t WHERE id = 1) FROM t",
                "SELECT CASE WHEN emb <#> $1 > 0.5 THEN 'a' ELSE 'b' END FROM t",
                "SELECT (emb, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.7, 0.3) AS score FROM t",
                "SELECT row(emb, text)::deeplake_hybrid_record <#> row($1, $2)::deeplake_hybrid_record FROM t",
                "SELECT * FROM t WHERE text @> 'kw' AND id > 3",
                "SELECT * FROM t WHERE NOT text @> $1",
                "SELECT count(*) FILTER (WHERE text @> 'x') FROM t",
                "SELECT emb <#> $1 FROM t WHERE id IN (SELECT id FROM u WHERE v <#> $2 > 0)",
                "SELECT emb <#> $1 BETWEEN 0.1 AND 0.9 FROM t",
                "SELECT emb <#> $1 IS NULL FROM t",
                "SELECT foo(emb <#> $1, 2) FROM t",
                "SELECT emb[1] <#> $1 FROM t",
                "SELECT CAST(emb AS FLOAT[]) <#> $1 FROM t",
                "SELECT e <#> q AS s FROM t ORDER BY e <#> q DESC NULLS LAST LIMIT 5",
                "WITH c AS (SELECT emb <#> $1 AS s FROM t) SELECT * FROM c",
                "SELECT emb <#> $1 FROM t UNION ALL SELECT emb <#> $2 FROM u ORDER BY 1 DESC",
                "SELECT emb <#> $1 FROM t WHERE text @> 'a' OR text @> 'b'",
                "SELECT x <#> y FROM t WHERE a LIKE 'x%' AND b <#> c IN (1, 2)",
                "SELECT sum(x <#> y) OVER (PARTITION BY g ORDER BY h) FROM t",
                "SELECT (x <#> y) + 1, -(a <#> b) FROM t",
                "SELECT x.y.z <#> $1 FROM t",
                "SELECT \"Emb\" <#> $1 FROM \"T\"",
                "SELECT emb <#> $1 FROM t JOIN u ON t.id = u.id AND u.txt @> 'x'",
                "SELECT emb <#> '[1,2,3]' FROM t",
                "SELECT d::DATE, emb <#> $1 FROM t",
                "SELECT x <#> y FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a @> t.b)",
                "SELECT x <#> y FROM t GROUP BY 1 HAVING max(z <#> w) > 0",
                "SELECT x <#> y AS s, string_agg(a, ',' ORDER BY b) FROM t GROUP BY 1",
                "SELECT a IS NOT DISTINCT FROM b <#> c FROM t",
                "SELECT x <#> y FROM t LIMIT 10 OFFSET 5",
            })
    void operandsMatchTheEngineGrammar(String sql) throws Exception {
        String engineSql = sql.replace("<#>", "<=>");
        assertThat(ranges(sql)).as(sql).isEqualTo(engineRanges(engineSql));
    }

    /** "start:end|start:end" of both operands of every <#> and @> our parser finds (character ranges). */
    private static TreeSet<String> ranges(String sql) {
        SqlStatement st = new SqlStatement(sql);
        List<Token> sig = st.significant();
        int[] match = Brackets.match(sig);
        BlockParser parser = new BlockParser(sig, match);
        QueryBlock root = parser.query(0, sig.size(), null);
        TreeSet<String> out = new TreeSet<>();
        collect(root, sig, out);
        return out;
    }

    private static void collect(QueryBlock b, List<Token> sig, TreeSet<String> out) {
        for (Expr e : b.expressions) {
            walk(e, sig, out);
        }
        for (QueryBlock c : b.children()) {
            collect(c, sig, out);
        }
    }

    private static void walk(Expr e, List<Token> sig, TreeSet<String> out) {
        if (e.kind() == Expr.Kind.BINARY && (e.op().equals("<#>") || e.op().equals("@>"))) {
            out.add(range(e.child(0), sig) + "|" + range(e.child(1), sig));
        }
        for (Expr c : e.children()) {
            walk(c, sig, out);
        }
    }

    private static String range(Expr e, List<Token> sig) {
        // the engine reports a parenthesised operand (or record) without its parentheses
        Expr u = e.unwrap();
        int first = u.first();
        int last = u.last();
        if (u.kind() == Expr.Kind.ROW && sig.get(first).is("(")) {
            first++;
            last--;
        }
        return sig.get(first).start() + ":" + sig.get(last).end();
    }

    private static TreeSet<String> engineRanges(String sql) throws Exception {
        JsonNode ast;
        try (PreparedStatement ps = c.prepareStatement("SELECT json_serialize_sql(?)")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ast = JSON.readTree(rs.getString(1));
            }
        }
        assertThat(ast.path("error").asBoolean())
                .as("engine parse of " + sql + ": " + ast)
                .isFalse();
        TreeSet<String> out = new TreeSet<>();
        List<JsonNode> pending = new ArrayList<>();
        pending.add(ast);
        while (!pending.isEmpty()) {
            JsonNode n = pending.remove(pending.size() - 1);
            if (n.isObject()
                    && "FUNCTION".equals(n.path("class").asText())
                    && (n.path("function_name").asText().equals("<=>")
                            || n.path("function_name").asText().equals("@>"))) {
                JsonNode args = n.path("arguments");
                out.add(engineRange(args.get(0).path("expression"), sql) + "|"
                        + engineRange(args.get(1).path("expression"), sql));
            }
            n.forEach(pending::add);
        }
        return out;
    }

    /**
     * The operand's character range. The engine locates an operator or cast node at its operator, so the range
     * is the span of every located node of the operand's subtree.
     */
    private static String engineRange(JsonNode e, String sql) {
        int[] span = {Integer.MAX_VALUE, -1};
        List<JsonNode> pending = new ArrayList<>();
        pending.add(e);
        while (!pending.isEmpty()) {
            JsonNode n = pending.remove(pending.size() - 1);
            if (n.isObject()
                    && n.has("query_location")
                    && n.path("query_location").asInt() >= 0) {
                int start = n.path("query_location").asInt();
                int end = start + n.path("query_location_length").asInt();
                span[0] = Math.min(span[0], start);
                span[1] = Math.max(span[1], end);
            }
            n.forEach(pending::add);
        }
        return span[0] + ":" + span[1];
    }
}
