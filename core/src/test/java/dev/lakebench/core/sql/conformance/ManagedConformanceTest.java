package dev.lakebench.core.sql.conformance;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.QueryRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The conformance suite through the managed backend: every statement goes over real HTTP on loopback to the fake
 * service, which answers from a real engine, and the answer comes back through the service's JSON result shape.
 * So this checks what the managed path adds: result column names, value types and their text (numbers, bytea,
 * JSON, dates, vectors) and PostgreSQL's error wording, for the same statements as {@link PostgresConformanceTest}.
 * Cases the managed path answers differently are listed in {@link #DIFFERENT} with the reason.
 */
class ManagedConformanceTest {

    /**
     * Cases whose managed answer differs, by title, with the reason: what the service's JSON result and error
     * shapes lose on the way back (each is a difference between local and managed for the same statement).
     */
    static final java.util.Map<String, String> DIFFERENT = java.util.Map.of(
            "ADD COLUMN IF NOT EXISTS on an existing column does nothing",
                    "the service answers \"already exists\" as an error",
            "NUMERIC(p, s) keeps its scale", "JSON numbers lose trailing zeros (1.5000 arrives as 1.5)",
            "NUMERIC keeps the scale it was written with", "JSON numbers lose trailing zeros (1.50 arrives as 1.5)",
            "a NUMERIC constant's scale carries into arithmetic",
                    "JSON numbers lose trailing zeros (7.50 arrives as 7.5)",
            "decode from hex", "bytea arrives as base64 text, not bytes",
            "date plus an interval built from text", "timestamps arrive as ISO text (2000-01-02T00:00)",
            "BM25_SIMILARITY() names <#>", "the service's error carries the message, not the hint",
            "a missing function suggests the engine's equivalent",
                    "the service's error carries the message, not the hint");

    @TempDir
    static Path dir;

    private static final List<AutoCloseable> open = new ArrayList<>();

    @AfterAll
    static void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> suiteOverTheManagedBackend() {
        return ConformanceSuite.FILES.stream().map(ConformanceFile::load).map(this::file);
    }

    private DynamicNode file(ConformanceFile f) {
        Client[] client = new Client[1];
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("setup", () -> {
            String token = FakeManagedService.jwt("org-1");
            FakeManagedService service =
                    new FakeManagedService(Files.createDirectories(dir.resolve(f.name())), token, "org-1");
            open.add(service);
            ManagedSettings s = ManagedSettings.of(service.url(), "default")
                    .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5));
            client[0] = new Client(ManagedBackend.connect(s, ApiToken.of(token), name -> null));
            open.add(client[0]);
            if (!f.setup().isBlank()) {
                for (String statement : statements(f.setup())) {
                    client[0].execute(QueryRequest.of(statement));
                }
            }
        }));
        for (ConformanceFile.Case c : f.cases()) {
            tests.add(DynamicTest.dynamicTest(c.title(), () -> {
                Assumptions.assumeTrue(client[0] != null, "setup failed");
                Assumptions.assumeFalse(c.gap(), "not supported yet on any backend");
                Assumptions.assumeFalse(
                        DIFFERENT.containsKey(c.title()),
                        () -> "differs on the managed path: " + DIFFERENT.get(c.title()));
                PostgresConformanceTest.check(client[0], c);
            }));
        }
        return DynamicContainer.dynamicContainer(f.name(), tests);
    }

    /** The managed service takes one statement per request. */
    private static List<String> statements(String script) {
        return dev.lakebench.core.sql.SqlStatement.split(script).stream()
                .map(dev.lakebench.core.sql.SqlStatement::text)
                .toList();
    }
}
