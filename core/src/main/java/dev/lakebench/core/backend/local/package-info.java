/**
 * The embedded backend: one workspace of a local data directory (DuckDB engine, vector logs, indexes).
 * Layer: engine services. May use: sql, index, store, schema, ingest's table sinks, the client's shared types,
 * native's engine. It plugs the index package in through {@code index.TableListener} and
 * {@code index.IndexProvider}; the index package does not know it.
 */
package dev.lakebench.core.backend.local;
