package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.TableDef;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the dialect: for each case in {@code src/test/resources/dialect/*.sql}, the SQL a user writes
 * and what the dialect makes of it — the exact text handed to the engine (placeholders numbered densely, as
 * {@link BoundSql#bind} does), the run-time slots it needs and its plan notes, or the error it raises.
 *
 * <p>A case file holds cases of the form
 * <pre>
 * -- case: what the case shows
 * SELECT ... (the input, one or more lines)
 * -- engine:
 * SELECT ... (the engine SQL)
 * -- slot: ...
 * -- note: ...
 * </pre>
 * ({@code -- error:} instead of {@code -- engine:} for a statement that is refused). Running with
 * {@code -Dlakebench.golden.update=true} rewrites the expectations from the current output.
 */
class DialectGoldenTest {

    private static final Path DIR = resources();

    /** The workspace the cases run against. */
    static final Map<String, TableDef> TABLES = Map.of(
            "docs",
                    table(
                            "docs",
                            Column.of("id", ColumnType.INT64),
                            Column.of("title", ColumnType.TEXT),
                            Column.of("body", ColumnType.TEXT),
                            Column.vector("emb", ColumnType.EMBEDDING, 3),
                            Column.vector("multi", ColumnType.EMBEDDING_2D, 2),
                            Column.of("picture", ColumnType.IMAGE),
                            Column.of("price", ColumnType.FLOAT64)),
            "notes",
                    table(
                            "notes",
                            Column.of("id", ColumnType.INT64),
                            Column.of("body", ColumnType.TEXT),
                            Column.vector("emb", ColumnType.EMBEDDING, 3)),
            "fresh",
                    table(
                            "fresh",
                            Column.of("id", ColumnType.INT64),
                            Column.vector("emb", ColumnType.EMBEDDING, 0),
                            Column.vector("multi", ColumnType.EMBEDDING_2D, 0)),
            "books",
                    table(
                            "books",
                            Column.of("id", ColumnType.INT64),
                            Column.of("title", ColumnType.TEXT),
                            Column.of("author", ColumnType.TEXT),
                            Column.of("year", ColumnType.INT64),
                            Column.vector("emb", ColumnType.EMBEDDING, 3)),
            "events",
                    table(
                            "events",
                            Column.of("id", ColumnType.INT64),
                            new Column("doc", ColumnType.TEXT, 0, "JSONB"),
                            new Column("raw", ColumnType.TEXT, 0, "JSON")));

    /** The exact_text indexes of the workspace: books.title and books.author. */
    static final IndexedColumns INDEXED = (table, column) ->
            table.name().equals("books") && (column.equalsIgnoreCase("title") || column.equalsIgnoreCase("author"));

    private static TableDef table(String name, Column... columns) {
        return new TableDef(name, new TableSchema(List.of(columns)), Map.of());
    }

    static Optional<TableDef> lookup(String name) {
        return Optional.ofNullable(TABLES.get(name.toLowerCase(Locale.ROOT)));
    }

    record Case(Path file, String name, String input, String expected) {
        @Override
        public String toString() {
            return file.getFileName() + ": " + name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                out.addAll(read(f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDialectWritesTheExpectedEngineSql(Case c) {
        assertThat(render(c.input())).as(c.toString()).isEqualTo(c.expected());
    }

    /** Every case file holds cases, and the cases cover each rewrite rule (checked by name in the files). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("caseFiles")
    void everyFileHasCases(Path file) throws IOException {
        assertThat(read(file)).isNotEmpty();
    }

    static Stream<Path> caseFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    /** What the dialect makes of one statement, in the case-file form. */
    static String render(String input) {
        Translation t;
        try {
            t = Dialect.translate(new SqlStatement(input), DialectGoldenTest::lookup, INDEXED);
        } catch (QueryError e) {
            return "-- error: " + e.getMessage();
        }
        return render(t);
    }

    private static String render(Translation t) {
        StringBuilder sb = new StringBuilder();
        switch (t) {
            case Translation.Engine e -> {
                sb.append("-- engine:\n").append(bound(e.sql()));
                if (e.writes() != null) {
                    sb.append("\n-- writes: ").append(e.writes().name());
                }
                slots(sb, e.sql().slots());
                for (String n : e.notes()) {
                    sb.append("\n-- note: ").append(n);
                }
                if (e.indexOnly() != null) {
                    Translation.IndexOnly io = e.indexOnly();
                    sb.append("\n-- index-only: slot ")
                            .append(io.hitsSlot() + 1)
                            .append(' ')
                            .append(io.outputs())
                            .append(" limit ")
                            .append(io.limit())
                            .append(" offset ")
                            .append(io.offset())
                            .append(io.matchingOnly() ? " matching only" : "");
                }
            }
            case Translation.CreateTableAs cta -> {
                sb.append("-- create table as: ")
                        .append(cta.name())
                        .append('\n')
                        .append(bound(cta.query()));
                slots(sb, cta.query().slots());
            }
            case Translation.Explain ex ->
                sb.append("-- explain")
                        .append(ex.analyze() ? " analyze" : "")
                        .append(":\n")
                        .append(render(ex.statement()));
            case Translation.DropIndex di ->
                sb.append("-- drop index: ").append(di.names()).append(di.ifExists() ? " if exists" : "");
            case Translation.CreateIndex ci ->
                sb.append("-- create index: ")
                        .append(ci.name())
                        .append(" on ")
                        .append(ci.table().name())
                        .append(' ')
                        .append(ci.columns())
                        .append(" type ")
                        .append(ci.type())
                        .append(" options ")
                        .append(ci.options());
            case Translation.CreateTable ct ->
                sb.append("-- create table: ")
                        .append(ct.name())
                        .append(' ')
                        .append(ct.columns().stream()
                                .map(c -> c.name() + " " + c.type()
                                        + (c.dimension() > 0 ? "[" + c.dimension() + "]" : ""))
                                .toList());
            case Translation.AlterTable at ->
                sb.append("-- alter table: ")
                        .append(at.table().name())
                        .append(' ')
                        .append(at.actions());
        }
        return sb.toString();
    }

    /** The text the engine receives: user parameters and slots numbered densely in order of appearance. */
    private static String bound(BoundSql sql) {
        return sql.bind(Collections.nCopies(20, null), i -> null).sql();
    }

    private static void slots(StringBuilder sb, List<Slot> slots) {
        for (Slot s : slots) {
            sb.append("\n-- slot: ")
                    .append(
                            switch (s) {
                                case Slot.VectorQuery v ->
                                    "vector query " + v.table().name() + "."
                                            + v.column().name() + " = " + v.query();
                                case Slot.MultiVectorQuery m ->
                                    "multi-vector query " + m.table().name() + "."
                                            + m.column().name() + " = " + m.query();
                                case Slot.TextQuery q ->
                                    "text query " + q.table().name() + "."
                                            + q.column().name() + " = " + q.query();
                                case Slot.Hits h -> hits(h.search());
                                case Slot.KeyLookup k ->
                                    "key lookup " + k.table().name() + " "
                                            + k.lookups().stream()
                                                    .map(l -> l.column().name() + " in " + l.values())
                                                    .toList();
                                case Slot.VectorLog l ->
                                    "vector log " + l.table().name() + "."
                                            + l.column().name()
                                            + (l.probe() == null
                                                    ? ""
                                                    : " sized by: " + l.probe().text());
                            });
        }
    }

    private static String hits(SearchSpec s) {
        StringBuilder sb = new StringBuilder("hits ")
                .append(s.kind())
                .append(' ')
                .append(s.table().name())
                .append('.')
                .append(s.column().name())
                .append(" = ")
                .append(s.query());
        if (s.textColumn() != null) {
            sb.append(", ")
                    .append(s.textColumn().name())
                    .append(" = ")
                    .append(s.textQuery())
                    .append(" weights ")
                    .append(s.vectorWeight())
                    .append('/')
                    .append(s.textWeight());
        }
        sb.append(" as ")
                .append(s.alias())
                .append(" limit ")
                .append(s.limit())
                .append(" offset ")
                .append(s.offset());
        if (s.filter() != null) {
            sb.append(" filter ").append(s.filter().text());
        }
        if (s.predicates() != null) {
            sb.append(" predicates ")
                    .append(s.predicates().stream()
                            .map(p -> p.column().name() + " " + p.op() + " " + p.value())
                            .toList());
        }
        return sb.toString();
    }

    // ---- the case-file format ----

    private static List<Case> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("-- case:")) {
                i++;
                continue;
            }
            String name = lines.get(i).substring("-- case:".length()).strip();
            i++;
            StringBuilder input = new StringBuilder();
            while (i < lines.size()
                    && !isOutputStart(lines.get(i))
                    && !lines.get(i).startsWith("-- case:")) {
                input.append(input.isEmpty() ? "" : "\n").append(lines.get(i));
                i++;
            }
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).startsWith("-- case:")) {
                expected.append(expected.isEmpty() ? "" : "\n").append(lines.get(i));
                i++;
            }
            out.add(new Case(
                    file, name, input.toString().strip(), expected.toString().strip()));
        }
        if (Boolean.getBoolean("lakebench.golden.update")) {
            write(file, out);
        }
        return out;
    }

    private static boolean isOutputStart(String line) {
        return line.startsWith("-- engine:")
                || line.startsWith("-- error:")
                || line.startsWith("-- create ")
                || line.startsWith("-- explain")
                || line.startsWith("-- drop ")
                || line.startsWith("-- alter ");
    }

    /** Rewrites a case file with the current output (only under {@code -Dlakebench.golden.update=true}). */
    private static void write(Path file, List<Case> cases) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String l : lines) {
            if (l.startsWith("-- case:")) {
                break;
            }
            sb.append(l).append('\n');
        }
        for (Case c : cases) {
            sb.append("-- case: ")
                    .append(c.name())
                    .append('\n')
                    .append(c.input())
                    .append('\n')
                    .append(render(c.input()))
                    .append("\n\n");
        }
        Path source = Path.of("src/test/resources/dialect").resolve(file.getFileName());
        Files.writeString(source, sb.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
    }

    private static Path resources() {
        try {
            return Path.of(DialectGoldenTest.class.getResource("/dialect").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
