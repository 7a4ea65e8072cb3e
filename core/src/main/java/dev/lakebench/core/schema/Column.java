package dev.lakebench.core.schema;

import java.util.Objects;

/**
 * One column of a table: its name, its Lakebench type and, for vectors, the dimension (0 while not yet known:
 * a vector column created by DDL takes the size of the first vector written). {@code engineType} is the engine
 * type for {@link ColumnType#OTHER} columns and null otherwise.
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

    /** The type as shown to users: the Lakebench type name, or the engine type for OTHER. */
    public String typeName() {
        return type == ColumnType.OTHER && engineType != null ? engineType : type.name();
    }
}
