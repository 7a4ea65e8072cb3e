/**
 * The embedded DuckDB engine: sessions, appenders, running statements, engine errors. Layer: native (the
 * bottom; the only place that uses org.duckdb, enforced by CoreArchitectureTest). May use: the driver, the JDK.
 */
package dev.lakebench.natives.engine;
