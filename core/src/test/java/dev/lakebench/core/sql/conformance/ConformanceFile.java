package dev.lakebench.core.sql.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One file of the PostgreSQL conformance suite: a setup script and cases, each a statement with the answer
 * PostgreSQL (or pg_deeplake) gives. The format, line by line:
 * <pre>
 * -- source: postgresql | pg_deeplake     (postgresql files are also checked against a real PostgreSQL)
 * -- setup
 * CREATE TABLE t (...); INSERT ...;
 * -- case: what it shows                   ([local] after "case" keeps a case off the PostgreSQL check;
 * SELECT ...;                              [gap] marks an answer Lakebench does not give yet)
 * -- params: 1 | 'text' | {1,2,3}          (optional: $1.. values; {..} is a float4 vector)
 * -- expect                                (header line, then rows; columns separated by |, NULL empty,
 * count                                     values as psql prints them in unaligned mode)
 * 3
 * -- error: is not supported by the local engine     (instead of expect: a message fragment)
 * -- contains: Index Scan                  (instead of expect: a fragment of the answer's text)
 * </pre>
 */
record ConformanceFile(String name, boolean postgres, String setup, List<Case> cases) {

    record Case(
            String file,
            String title,
            String sql,
            List<String> params,
            List<String> expected,
            String error,
            String contains,
            boolean localOnly,
            boolean gap) {

        @Override
        public String toString() {
            return file + ": " + title;
        }
    }

    static ConformanceFile load(String resource) {
        try (InputStream in = ConformanceFile.class.getResourceAsStream("/conformance/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no conformance file " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConformanceFile parse(String name, String text) {
        boolean postgres = false;
        StringBuilder setup = new StringBuilder();
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            if (l.startsWith("-- source:")) {
                postgres = l.substring("-- source:".length()).strip().equals("postgresql");
                i++;
            } else if (l.strip().equals("-- setup")) {
                i++;
                while (i < lines.length && !lines[i].startsWith("-- case")) {
                    setup.append(lines[i]).append('\n');
                    i++;
                }
            } else if (l.startsWith("-- case")) {
                String flags = l.substring("-- case".length(), l.indexOf(':'));
                String title = l.substring(l.indexOf(':') + 1).strip();
                i++;
                StringBuilder sql = new StringBuilder();
                List<String> params = new ArrayList<>();
                List<String> expected = null;
                String error = null;
                String contains = null;
                while (i < lines.length && !lines[i].startsWith("-- case")) {
                    String x = lines[i];
                    if (x.startsWith("-- params:")) {
                        for (String p : x.substring("-- params:".length()).split("\\|")) {
                            params.add(p.strip());
                        }
                    } else if (x.strip().equals("-- expect")) {
                        expected = new ArrayList<>();
                        i++;
                        while (i < lines.length && !lines[i].isBlank() && !lines[i].startsWith("-- ")) {
                            expected.add(lines[i]);
                            i++;
                        }
                        continue;
                    } else if (x.startsWith("-- contains:")) {
                        contains = x.substring("-- contains:".length()).strip();
                    } else if (x.startsWith("-- error:")) {
                        error = x.substring("-- error:".length()).strip();
                    } else if (!x.startsWith("--")) {
                        sql.append(x).append('\n');
                    }
                    i++;
                }
                if (expected == null && error == null && contains == null) {
                    throw new IllegalArgumentException(
                            name + ": case \"" + title + "\" has neither -- expect nor -- error");
                }
                cases.add(new Case(
                        name,
                        title,
                        sql.toString().strip(),
                        params,
                        expected,
                        error,
                        contains,
                        flags.contains("local"),
                        flags.contains("gap")));
            } else {
                i++;
            }
        }
        return new ConformanceFile(name, postgres, setup.toString(), cases);
    }
}
