package dev.lakebench.app.cli;

import dev.lakebench.core.store.PgIdentifiers;

/**
 * Table names as SQL spells them: a name printed for a person is quoted when SQL would not read it back as
 * written (upper case, punctuation, a reserved word), so that it can be pasted into a query or given to a
 * command as it is; and a command that takes a table name takes the quoted spelling too.
 */
final class SqlNames {

    private SqlNames() {}

    /** {@code name} as SQL reads it back: unchanged when plain, else in double quotes ({@code "a,b"}). */
    static String quoted(String name) {
        return PgIdentifiers.ident(name);
    }

    /** A table name as given on the command line: {@code "a,b"} (quoted as SQL writes it) is the name a,b. */
    static String unquoted(String given) {
        if (given != null && given.length() >= 2 && given.startsWith("\"") && given.endsWith("\"")) {
            return given.substring(1, given.length() - 1).replace("\"\"", "\"");
        }
        return given;
    }
}
