package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The binding scope of a statement's names: which FROM names are Lakebench tables (a CTE of the same name hides a
 * table), and which table column a column reference means — the nearest block's relations first, then the
 * enclosing blocks', then any Lakebench table the statement reads. Built once per statement.
 */
final class NameScope {

    private final Function<String, Optional<TableDef>> tables;
    /** Every Lakebench table the statement reads, for columns that reach a block indirectly. */
    private final Map<String, TableDef> referenced = new LinkedHashMap<>();

    /** The scope of {@code root}'s block tree; {@code also} are tables the statement reads outside it (a DML target). */
    NameScope(Function<String, Optional<TableDef>> tables, QueryBlock root, TableDef... also) {
        this.tables = tables;
        for (TableDef def : also) {
            referenced.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
        }
        collect(root);
    }

    private void collect(QueryBlock b) {
        for (Relation r : b.relations) {
            TableDef def = lakebenchTable(r, b);
            if (def != null) {
                referenced.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
            }
        }
        for (QueryBlock c : b.children()) {
            collect(c);
        }
    }

    Function<String, Optional<TableDef>> tables() {
        return tables;
    }

    /** A Lakebench table addressed by a FROM name (unqualified or main.), or null. */
    TableDef lakebenchTable(Relation r, QueryBlock scope) {
        if (r.kind() != Relation.Kind.TABLE || scope.isCte(r.tableName())) {
            return null;
        }
        String schema = r.schema();
        if (schema != null && !schema.equalsIgnoreCase("main") || r.name().size() > 3) {
            return null;
        }
        return tables.apply(r.tableName()).orElse(null);
    }

    /** Resolves a column reference to a Lakebench column in scope; null when it names something else. */
    Resolved resolve(Expr col, QueryBlock b) {
        List<String> parts = col.name();
        String c = parts.get(parts.size() - 1);
        if (c.equals("*")) {
            return null;
        }
        if (parts.size() >= 3) {
            TableDef def = tables.apply(parts.get(parts.size() - 2)).orElse(null);
            return def == null
                    ? null
                    : def.schema()
                            .column(c)
                            .map(x -> new Resolved(def, x, null))
                            .orElse(null);
        }
        if (parts.size() == 2) {
            return qualified(parts.get(0), c, b);
        }
        for (QueryBlock s = b; s != null; s = s.parent) {
            List<Resolved> found = new ArrayList<>();
            for (Relation r : s.relations) {
                TableDef def = lakebenchTable(r, s);
                if (def != null) {
                    def.schema().column(c).ifPresent(x -> found.add(new Resolved(def, x, r)));
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw ambiguous(c, found);
            }
        }
        return global(c);
    }

    /** The columns {@code <#>} can rank in the nearest block's Lakebench tables, as "name (TYPE)" (for hints). */
    List<String> searchable(QueryBlock b) {
        List<String> out = new ArrayList<>();
        for (QueryBlock s = b; s != null && out.isEmpty(); s = s.parent) {
            for (Relation r : s.relations) {
                TableDef def = lakebenchTable(r, s);
                if (def == null) {
                    continue;
                }
                for (var c : def.schema().columns()) {
                    if (c.type().isVector() || c.type() == ColumnType.TEXT) {
                        out.add(c.name() + " (" + c.typeName() + ")");
                    }
                }
            }
        }
        return out;
    }

    /** {@code q.c}: the relation exposing {@code q} in the nearest block, else a table named {@code q}. */
    private Resolved qualified(String q, String c, QueryBlock b) {
        for (QueryBlock s = b; s != null; s = s.parent) {
            for (Relation r : s.relations) {
                if (r.exposes(q)) {
                    TableDef def = lakebenchTable(r, s);
                    if (def != null) {
                        return def.schema()
                                .column(c)
                                .map(x -> new Resolved(def, x, r))
                                .orElse(null);
                    }
                    return global(c);
                }
            }
        }
        TableDef def = tables.apply(q).orElse(null);
        if (def != null) {
            return def.schema().column(c).map(x -> new Resolved(def, x, null)).orElse(null);
        }
        return null;
    }

    private Resolved global(String c) {
        List<Resolved> found = new ArrayList<>();
        for (TableDef def : referenced.values()) {
            def.schema().column(c).ifPresent(x -> found.add(new Resolved(def, x, null)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw ambiguous(c, found);
        }
        return null;
    }

    private static QueryError ambiguous(String c, List<Resolved> found) {
        List<String> names = new ArrayList<>();
        for (Resolved r : found) {
            names.add(r.table().name());
        }
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "Column \"" + c + "\" is ambiguous: tables " + String.join(", ", names) + " all have it",
                "Qualify it with the table name or alias, e.g. " + names.get(0) + "." + c);
    }
}
