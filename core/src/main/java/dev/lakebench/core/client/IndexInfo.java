package dev.lakebench.core.client;

/**
 * An index: its name, the table, the indexed column or expression, its type ({@code vector}, {@code bm25},
 * {@code exact_text}, {@code inverted}, {@code hybrid}, ...) and whether it is caught up with the table.
 */
public record IndexInfo(String name, String table, String column, String type, boolean ready) {}
