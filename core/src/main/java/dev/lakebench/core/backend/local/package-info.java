/**
 * The embedded backend: one workspace of a local data directory (DuckDB engine, vector logs, indexes).
 * Layer: engines, below ingest. May use: sql, index, store, embed (it implements {@code embed.EmbedHost}), schema,
 * the api layer, native's engine. It plugs the index package in through {@code index.TableListener} and
 * {@code index.IndexProvider}; the index package does not know it.
 */
package dev.lakebench.core.backend.local;
