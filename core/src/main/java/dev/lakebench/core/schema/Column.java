package dev.lakebench.core.schema;

import java.util.Objects;

/**
 * One column of a table: its name, its Lakebench type and, for vectors, the dimension (0 while not yet known:
 * a vector column created by DDL takes the size of the first vector written). {@code engineType} is the engine
 * type for {@link ColumnType#OTHER} columns, {@code JSON} or {@code JSONB} for a {@link ColumnType#TEXT} column
 * declared json / jsonb (its values are the engine's JSON), and null otherwise.
 */
public record Column(String name, ColumnType type, int dimension, String engineType) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0: " + dimension);
        }
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, 0, null);
    }

    public static Column vector(String name, ColumnType type, int dimension) {
        return new Column(name, type, dimension, null);
    }

    public Column withDimension(int dim) {
        return new Column(name, type, dim, engineType);
    }

    /** The type as shown to users: the Lakebench type name, the engine type for OTHER, JSON / JSONB as declared. */
    public String typeName() {
        return type == ColumnType.OTHER && engineType != null || isJson() ? engineType : type.name();
    }

    /** A text column declared json or jsonb: its values are JSON documents (TEXT in results, as PostgreSQL's). */
    public boolean isJson() {
        return type == ColumnType.TEXT && ("JSON".equals(engineType) || "JSONB".equals(engineType));
    }

    /** A text column declared jsonb: its values read back as PostgreSQL prints jsonb. */
    public boolean isJsonb() {
        return type == ColumnType.TEXT && "JSONB".equals(engineType);
    }
}
