package dev.lakebench.core.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Checks the expected answers of the PostgreSQL files of the conformance suite against a real PostgreSQL (15),
 * through {@code psql} in unaligned mode. Runs when {@code -Dlakebench.pg="host=127.0.0.1 port=5499 user=postgres"}
 * names a server (the bench harness's {@code bench/reference/pg.sh} starts one); each file gets its own
 * database, dropped afterwards.
 */
@EnabledIfSystemProperty(named = "lakebench.pg", matches = ".+")
class PostgresReferenceTest {

    @TestFactory
    Stream<DynamicNode> answersArePostgresAnswers() {
        return ConformanceSuite.FILES.stream()
                .map(ConformanceFile::load)
                .filter(ConformanceFile::postgres)
                .map(this::file);
    }

    private DynamicNode file(ConformanceFile f) {
        String db = "lb_conformance_" + f.name().replaceAll("[^a-zA-Z0-9]", "_").toLowerCase(Locale.ROOT);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("setup", () -> {
            psql("postgres", "DROP DATABASE IF EXISTS " + db);
            psql("postgres", "CREATE DATABASE " + db);
            if (!f.setup().isBlank()) {
                psql(db, f.setup());
            }
        }));
        for (ConformanceFile.Case c : f.cases()) {
            if (c.localOnly() || c.error() != null || c.contains() != null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.title(), () -> {
                String out = psql(db, literal(c.sql(), c.params()) + ";");
                assertThat(out.strip()).as(c.sql()).isEqualTo(String.join("\n", c.expected()));
            }));
        }
        tests.add(DynamicTest.dynamicTest("drop", () -> psql("postgres", "DROP DATABASE IF EXISTS " + db)));
        return DynamicContainer.dynamicContainer(f.name(), tests);
    }

    /** The statement with $n replaced by literals (psql 15 cannot bind parameters). */
    private static String literal(String sql, List<String> params) {
        for (int i = params.size(); i >= 1; i--) {
            String p = params.get(i - 1);
            String lit = p.startsWith("{") ? "'" + p + "'::float4[]" : p;
            sql = sql.replace("$" + i, lit);
        }
        return sql;
    }

    private static String psql(String db, String sql) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of("psql", "-X", "-q", "-A", "-F", "|", "-P", "footer=off", "-v", "ON_ERROR_STOP=1", "-d"));
        cmd.add(System.getProperty("lakebench.pg") + " dbname=" + db);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(("SET client_min_messages = warning;\n" + sql).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("psql failed: " + out);
        }
        return out;
    }
}
