package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;

/**
 * One item of a FROM clause: a named table (possibly a CTE), a subquery, or a table function, with its alias.
 * Token ranges let a rewrite replace the table reference.
 */
final class Relation {

    enum Kind { TABLE, SUBQUERY, FUNCTION }

    final Kind kind;
    /** Name parts of a TABLE relation. */
    final List<String> name;
    /** First and last token of the table reference itself (name, group or call), without the alias. */
    final int first;
    final int last;
    /** The alias, or null. */
    final String alias;
    /** Last token of the whole item (alias and column aliases included). */
    final int end;
    /** The subquery's block for SUBQUERY relations. */
    final QueryBlock block;

    Relation(Kind kind, List<String> name, int first, int last, String alias, int end, QueryBlock block) {
        this.kind = kind;
        this.name = name;
        this.first = first;
        this.last = last;
        this.alias = alias;
        this.end = end;
        this.block = block;
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
}
