package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;

/**
 * One item of a FROM clause: a named table (possibly a CTE), a subquery, or a table function, with its alias.
 * Token ranges let a rewrite replace the table reference: {@code first..last} is the reference itself (name,
 * group or call) without the alias, {@code end} the last token of the whole item (alias and column aliases
 * included). {@code name} holds the name parts of a TABLE relation; {@code block} the subquery's block.
 */
record Relation(Kind kind, List<String> name, int first, int last, String alias, int end, QueryBlock block) {

    enum Kind {
        TABLE,
        SUBQUERY,
        FUNCTION
    }

    /** The name a column qualifier refers to: the alias, else the table's own name. */
    String exposedName() {
        if (alias != null) {
            return alias;
        }
        return kind == Kind.TABLE ? name.get(name.size() - 1) : null;
    }

    boolean exposes(String qualifier) {
        String n = exposedName();
        return n != null && n.toLowerCase(Locale.ROOT).equals(qualifier.toLowerCase(Locale.ROOT));
    }

    /** The schema part of a TABLE name, or null. */
    String schema() {
        return name.size() >= 2 ? name.get(name.size() - 2) : null;
    }

    String tableName() {
        return name.get(name.size() - 1);
    }

    // identity, not structure: rewrites ask whether a column resolved to this very FROM item
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
