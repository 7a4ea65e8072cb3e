package dev.lakebench.core.sql.conformance;

import dev.lakebench.core.backend.postgres.PgReference;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.schema.ColumnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of Lakebench's SQL against a real PostgreSQL 15: every statement of {@code differential/*.sql}
 * runs on a fresh local workspace and on a fresh PostgreSQL database, and the two answers must agree in column
 * names, column types (as the SDK reports them), values (in PostgreSQL's text output), row order where the
 * statement's ORDER BY fixes it, and failure (both fail, or neither). A case marked {@code -- differs: why} is a
 * known difference: skipped with its reason while it differs, failed once it agrees (so the marker goes).
 * Runs when {@code LAKEBENCH_TEST_POSTGRES_URL} names a server ({@code .ci/postgres.sh start} prints one);
 * otherwise skipped, saying so. The counts go to {@code target/differential-summary.txt}.
 */
class PostgresDifferentialTest {

    static final List<String> FILES = List.of(
            "01-math.sql",
            "02-strings.sql",
            "03-patterns.sql",
            "04-formatting.sql",
            "05-datetime.sql",
            "06-conditional.sql",
            "07-arrays.sql",
            "08-json.sql",
            "09-aggregates.sql",
            "10-windows.sql",
            "11-queries.sql",
            "12-casts-names.sql",
            "13-deeplake.sql",
            "14-porting.sql");

    @TempDir
    static Path dir;

    private static final List<Client> clients = new ArrayList<>();
    private static final List<Connection> connections = new ArrayList<>();
    private static final List<String> databases = new ArrayList<>();
    private static final Map<String, List<String>> differing = new ConcurrentHashMap<>();
    private static final AtomicInteger total = new AtomicInteger();
    private static final AtomicInteger agreeing = new AtomicInteger();

    @AfterAll
    static void close() throws IOException {
        clients.forEach(Client::close);
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // the database is dropped next
            }
        }
        databases.forEach(PgReference::drop);
        if (total.get() > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append("statements ")
                    .append(total.get())
                    .append(", agreeing ")
                    .append(agreeing.get())
                    .append(", differing ")
                    .append(total.get() - agreeing.get())
                    .append('\n');
            new TreeMap<>(differing).forEach((reason, cases) -> {
                sb.append(cases.size()).append("  ").append(reason).append('\n');
                cases.forEach(c -> sb.append("      ").append(c).append('\n'));
            });
            Path out = Path.of("target", "differential-summary.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        }
    }

    @TestFactory
    Stream<DynamicNode> lakebenchAnswersAsPostgres() {
        String url = PgReference.requireUrl();
        Objects.requireNonNull(url);
        return FILES.stream().map(DifferentialFile::load).map(this::file);
    }

    private DynamicNode file(DifferentialFile f) {
        Client[] client = new Client[1];
        Connection[] pg = new Connection[1];
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("setup", () -> {
            client[0] = Client.local(Files.createDirectories(dir.resolve(f.name())));
            clients.add(client[0]);
            String db = PgReference.freshDatabase();
            databases.add(db);
            pg[0] = DriverManager.getConnection(db + "&preferQueryMode=simple");
            connections.add(pg[0]);
            try (Statement st = pg[0].createStatement()) {
                st.execute("SET TimeZone = 'UTC'");
                st.execute("SET client_min_messages = warning");
            }
            for (String s : f.postgresSetup()) {
                try (Statement st = pg[0].createStatement()) {
                    st.execute(s);
                }
            }
            for (String s : f.setup()) {
                try (Statement st = pg[0].createStatement()) {
                    st.execute(s);
                }
                client[0].execute(QueryRequest.of(s));
            }
        }));
        for (DifferentialFile.Statement s : f.statements()) {
            String title = f.name() + ":" + s.line() + " " + oneLine(s.sql());
            tests.add(DynamicTest.dynamicTest(title, () -> check(client[0], pg[0], s, title)));
        }
        return DynamicContainer.dynamicContainer(f.name(), tests);
    }

    private static void check(Client client, Connection pg, DifferentialFile.Statement s, String title) {
        Assumptions.assumeTrue(client != null && pg != null, "setup failed");
        total.incrementAndGet();
        Answer expected = postgres(pg, s.sql());
        Answer actual = local(client, s.sql());
        String diff = Answer.difference(expected, actual, ordered(s.sql()));
        if (diff == null) {
            agreeing.incrementAndGet();
            if (s.differs() != null) {
                throw new AssertionError(title + "\nagrees with PostgreSQL now: remove its \"-- differs\" marker");
            }
            return;
        }
        String reason = s.differs() == null
                ? "(not recorded) " + diff.lines().findFirst().orElse("")
                : s.differs();
        differing.computeIfAbsent(reason, k -> new ArrayList<>()).add(title);
        if (s.differs() != null) {
            Assumptions.abort("known difference (" + s.differs() + "): " + diff);
        }
        throw new AssertionError(title + "\n" + diff + "\nPostgreSQL: " + expected + "\nLakebench:  " + actual);
    }

    static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 110 ? s.substring(0, 107) + "..." : s;
    }

    /** Whether the statement's outermost query has an ORDER BY (outside parentheses and quotes). */
    static boolean ordered(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && lower.startsWith("order by", i)) {
                return true;
            }
        }
        return false;
    }

    private static Answer postgres(Connection pg, String sql) {
        try (Statement st = pg.createStatement()) {
            if (!st.execute(sql)) {
                return Answer.update();
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> names = new ArrayList<>();
                List<ColumnType> types = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnLabel(i));
                    types.add(PgReference.resultType(md.getColumnTypeName(i)));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String v = rs.getString(i);
                        row.add(v == null ? "NULL" : v);
                    }
                    rows.add(row);
                }
                return new Answer(null, names, types, rows);
            }
        } catch (SQLException e) {
            return Answer.failed(e.getMessage());
        }
    }

    private static Answer local(Client client, String sql) {
        QueryResult r;
        try {
            r = client.execute(QueryRequest.of(sql));
        } catch (RuntimeException e) {
            return Answer.failed(e.getMessage());
        }
        if (r.columns().isEmpty()) {
            return Answer.update();
        }
        List<String> names = r.columns().stream().map(ResultColumn::name).toList();
        List<ColumnType> types = r.columns().stream().map(ResultColumn::type).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.width(); i++) {
                Object v = row.get(i);
                cells.add(v == null ? "NULL" : PgText.of(v));
            }
            rows.add(cells);
        }
        return new Answer(null, names, types, rows);
    }

    /** One side's answer: an error, or column names, SDK types and rows as PostgreSQL's text. */
    record Answer(String error, List<String> names, List<ColumnType> types, List<List<String>> rows) {

        static Answer failed(String message) {
            return new Answer(message == null ? "error" : message, List.of(), List.of(), List.of());
        }

        static Answer update() {
            return new Answer(null, List.of(), List.of(), List.of());
        }

        /** Null when they agree, else what differs first. */
        static String difference(Answer pg, Answer lb, boolean ordered) {
            if (pg.error != null || lb.error != null) {
                if (pg.error != null && lb.error != null) {
                    return null;
                }
                return pg.error != null
                        ? "PostgreSQL fails (" + firstLine(pg.error) + "), Lakebench answers"
                        : "Lakebench fails (" + firstLine(lb.error) + "), PostgreSQL answers";
            }
            if (!pg.names.equals(lb.names)) {
                return "column names: PostgreSQL " + pg.names + ", Lakebench " + lb.names;
            }
            if (!pg.types.equals(lb.types)) {
                return "column types: PostgreSQL " + pg.types + ", Lakebench " + lb.types;
            }
            List<List<String>> a = pg.rows;
            List<List<String>> b = lb.rows;
            if (!ordered) {
                a = sorted(a);
                b = sorted(b);
            }
            if (a.size() != b.size()) {
                return "row count: PostgreSQL " + a.size() + ", Lakebench " + b.size();
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return "values" + (ordered ? " (in ORDER BY order)" : "") + ": PostgreSQL " + a.get(i)
                            + ", Lakebench " + b.get(i);
                }
            }
            return null;
        }

        private static String firstLine(String s) {
            String l = s.lines().findFirst().orElse("");
            return l.length() > 160 ? l.substring(0, 157) + "..." : l;
        }

        private static List<List<String>> sorted(List<List<String>> rows) {
            List<List<String>> out = new ArrayList<>(rows);
            out.sort(Comparator.comparing(r -> String.join("\u0001", r)));
            return out;
        }

        @Override
        public String toString() {
            if (error != null) {
                return "error: " + firstLine(error);
            }
            String r = rows.size() > 6 ? rows.subList(0, 6) + "..." : rows.toString();
            return names + " " + types + " " + r;
        }
    }
}
