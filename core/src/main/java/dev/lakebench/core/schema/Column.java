package dev.lakebench.core.schema;

import java.util.Objects;

/**
 * One column of a table: its name, its Lakebench type and, for vectors, the dimension (0 while not yet known:
 * a vector column created by DDL takes the size of the first vector written). {@code engineType} is the engine
 * type for {@link ColumnType#OTHER} columns, {@code JSON} or {@code JSONB} for a {@link ColumnType#TEXT} column
 * declared json / jsonb (its values are the engine's JSON), {@code VARCHAR(n)}, {@code CHAR(n)} or {@code VARCHAR}
 * for a text column declared character varying(n), character(n) or character varying (stored as text, the
 * length checked on writes), and null otherwise.
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

    /**
     * The type as shown to users: the Lakebench type name, the engine type for OTHER, JSON / JSONB and
     * VARCHAR(n) / CHAR(n) as declared (a varchar without a length is TEXT).
     */
    public String typeName() {
        boolean declared = isJson() || isCharacter() && maxLength() > 0; // plain varchar is text, as it always showed
        return type == ColumnType.OTHER && engineType != null || declared ? engineType : type.name();
    }

    /** A text column declared character varying or character, with or without a length. */
    public boolean isCharacter() {
        return type == ColumnType.TEXT
                && engineType != null
                && (engineType.equals("VARCHAR")
                        || engineType.startsWith("VARCHAR(")
                        || engineType.startsWith("CHAR("));
    }

    /** The n of character varying(n) / character(n); 0 for any other column (no length limit). */
    public int maxLength() {
        if (!isCharacter() || !engineType.endsWith(")")) {
            return 0;
        }
        return Integer.parseInt(engineType.substring(engineType.indexOf('(') + 1, engineType.length() - 1));
    }

    /** A text column declared character(n): PostgreSQL's blank-padded type, whose trailing spaces do not count. */
    public boolean isBlankPadded() {
        return isCharacter() && engineType.startsWith("CHAR(");
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
