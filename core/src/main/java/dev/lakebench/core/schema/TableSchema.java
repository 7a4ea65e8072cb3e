package dev.lakebench.core.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The ordered columns of a table. Names are matched case-insensitively, as the engine does. */
public final class TableSchema {

    private final List<Column> columns;
    private final Map<String, Integer> positions;

    public TableSchema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> pos = new LinkedHashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            String key = key(this.columns.get(i).name());
            if (pos.put(key, i) != null) {
                throw new IllegalArgumentException(
                        "duplicate column name \"" + this.columns.get(i).name() + "\"");
            }
        }
        this.positions = Collections.unmodifiableMap(pos);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public Column get(int i) {
        return columns.get(i);
    }

    public Optional<Column> column(String name) {
        Integer i = positions.get(key(name));
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** Position of the column, or -1. */
    public int indexOf(String name) {
        Integer i = positions.get(key(name));
        return i == null ? -1 : i;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name());
        }
        return out;
    }

    /** This schema with columns appended. */
    public TableSchema plus(List<Column> more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(more);
        return new TableSchema(all);
    }

    /** This schema with one column replaced (same name). */
    public TableSchema with(Column replacement) {
        List<Column> all = new ArrayList<>(columns);
        all.set(indexOf(replacement.name()), replacement);
        return new TableSchema(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema other && other.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (Column c : columns) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(c.name()).append(' ').append(c.typeName());
            if (c.type().isVector() && c.dimension() > 0) {
                sb.append('[').append(c.dimension()).append(']');
            }
        }
        return sb.append(')').toString();
    }
}
