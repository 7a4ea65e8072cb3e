package dev.lakebench.core.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL conformance suite on the local engine: every statement of {@code conformance/*.sql} runs on a
 * fresh workspace per file and must give PostgreSQL's (or pg_deeplake's) answer, column names included. Cases
 * marked {@code [gap]} are answers Lakebench does not give yet: they are reported as skipped while they fail
 * and fail once they pass (so the marker goes).
 */
class PostgresConformanceTest {

    @TempDir
    static Path dir;

    private static final List<Client> clients = new ArrayList<>();

    @AfterAll
    static void closeClients() {
        clients.forEach(Client::close);
    }

    @TestFactory
    Stream<DynamicNode> suite() {
        return ConformanceSuite.FILES.stream().map(ConformanceFile::load).map(this::file);
    }

    private DynamicNode file(ConformanceFile f) {
        Client[] client = new Client[1];
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("setup", () -> {
            Path ws = Files.createDirectories(dir.resolve(f.name()));
            client[0] = Client.local(ws);
            clients.add(client[0]);
            if (!f.setup().isBlank()) {
                try {
                    client[0].execute(QueryRequest.of(f.setup()));
                } catch (RuntimeException e) {
                    // the cases fail on their own; a setup Lakebench cannot run yet is reported, not failed
                    Assumptions.abort("setup failed: " + e.getMessage());
                }
            }
        }));
        for (ConformanceFile.Case c : f.cases()) {
            tests.add(DynamicTest.dynamicTest(c.title(), () -> run(client[0], c)));
        }
        return DynamicContainer.dynamicContainer(f.name(), tests);
    }

    private static void run(Client client, ConformanceFile.Case c) {
        Assumptions.assumeTrue(client != null, "setup failed");
        if (!c.gap()) {
            check(client, c);
            return;
        }
        try {
            check(client, c);
        } catch (AssertionError | RuntimeException e) {
            Assumptions.abort("not supported yet: " + e.getMessage());
        }
        throw new AssertionError("case \"" + c.title() + "\" passes now: remove its [gap] marker");
    }

    static void check(Client client, ConformanceFile.Case c) {
        QueryRequest req = QueryRequest.of(c.sql(), params(c.params()));
        if (c.error() != null) {
            assertThatThrownBy(() -> client.execute(req)).as(c.sql()).hasMessageContaining(c.error());
            return;
        }
        QueryResult r = client.execute(req);
        if (c.contains() != null) {
            assertThat(String.join("\n", lines(r))).as(c.sql()).contains(c.contains());
            return;
        }
        assertThat(String.join("\n", lines(r))).as(c.sql()).isEqualTo(String.join("\n", c.expected()));
    }

    static List<String> lines(QueryResult r) {
        List<String> out = new ArrayList<>();
        out.add(String.join("|", r.columns().stream().map(ResultColumn::name).toList()));
        for (Row row : r.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.width(); i++) {
                cells.add(PgText.of(row.get(i)));
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    static Object[] params(List<String> texts) {
        Object[] out = new Object[texts.size()];
        for (int i = 0; i < out.length; i++) {
            String t = texts.get(i);
            if (t.equalsIgnoreCase("null")) {
                out[i] = null;
            } else if (t.startsWith("'")) {
                out[i] = t.substring(1, t.length() - 1).replace("''", "'");
            } else if (t.startsWith("{")) {
                String[] parts = t.substring(1, t.length() - 1).split(",");
                float[] v = new float[parts.length];
                for (int j = 0; j < v.length; j++) {
                    v[j] = Float.parseFloat(parts[j].strip());
                }
                out[i] = v;
            } else if (t.contains(".")) {
                out[i] = Double.parseDouble(t);
            } else {
                out[i] = Long.parseLong(t);
            }
        }
        return out;
    }
}
