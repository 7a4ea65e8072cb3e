package dev.lakebench.core.client;

import dev.lakebench.core.schema.ColumnType;

/**
 * A result column: its name, the Lakebench type when one applies (vectors, scalars, bytes) and the engine's own
 * type name (e.g. {@code TIMESTAMP}, {@code DECIMAL(10,2)}) for display.
 */
public record ResultColumn(String name, ColumnType type, String engineType) {}
