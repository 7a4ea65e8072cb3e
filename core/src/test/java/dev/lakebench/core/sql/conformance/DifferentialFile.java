package dev.lakebench.core.sql.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of the differential corpus: statements as a PostgreSQL user writes them, run both on Lakebench and on
 * a real PostgreSQL. No answers are written down; PostgreSQL's answer is the expectation. The format:
 * <pre>
 * -- setup                        (statements run on both sides before the cases, up to "-- end setup")
 * CREATE TABLE t (...);
 * -- end setup
 * -- postgres setup               (statements run on PostgreSQL only, e.g. to stand in for pg_deeplake's types)
 * -- end setup
 * SELECT ...;                     (a case: one statement, ending with ";" at the end of a line)
 * -- differs: why                 (the next case is a known difference, with its reason)
 * SELECT ...;
 * </pre>
 * Other comment lines are notes.
 */
record DifferentialFile(String name, List<String> setup, List<String> postgresSetup, List<Statement> statements) {

    /** One case; {@code differs} is the recorded reason when Lakebench's answer is known to differ. */
    record Statement(int line, String sql, String differs) {}

    static DifferentialFile load(String resource) {
        try (InputStream in = DifferentialFile.class.getResourceAsStream("/differential/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no differential file " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DifferentialFile parse(String name, String text) {
        List<String> setup = new ArrayList<>();
        List<String> postgresSetup = new ArrayList<>();
        boolean postgresOnly = false;
        List<Statement> statements = new ArrayList<>();
        boolean inSetup = false;
        String differs = null;
        StringBuilder sql = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (sql.isEmpty() && t.startsWith("--")) {
                String c = t.substring(2).strip();
                if (c.equals("setup") || c.equals("postgres setup")) {
                    inSetup = true;
                    postgresOnly = c.startsWith("postgres");
                } else if (c.equals("end setup")) {
                    inSetup = false;
                } else if (c.startsWith("differs:")) {
                    differs = c.substring("differs:".length()).strip();
                }
                continue;
            }
            if (sql.isEmpty() && t.isEmpty()) {
                continue;
            }
            if (sql.isEmpty()) {
                start = i + 1;
            }
            sql.append(line).append('\n');
            if (t.endsWith(";")) {
                String s = sql.toString().strip();
                s = s.substring(0, s.length() - 1).strip();
                if (inSetup) {
                    (postgresOnly ? postgresSetup : setup).add(s);
                } else {
                    statements.add(new Statement(start, s, differs));
                    differs = null;
                }
                sql.setLength(0);
            }
        }
        if (!sql.isEmpty()) {
            throw new IllegalArgumentException(name + ":" + start + ": statement without a closing ';'");
        }
        return new DifferentialFile(name, List.copyOf(setup), List.copyOf(postgresSetup), List.copyOf(statements));
    }
}
