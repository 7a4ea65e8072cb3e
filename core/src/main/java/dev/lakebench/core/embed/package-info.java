/**
 * Embedding models (built-in, pulled, remote), vector columns computed from a table's rows, and the SQL
 * {@code embed()} function. Layer: engines, below backend.local (which implements {@link
 * dev.lakebench.core.embed.EmbedHost} and plugs the SQL function in) and ingest. May use: connections (model
 * tokens), hub (model downloads), sql, store, schema, the api layer.
 */
package dev.lakebench.core.embed;
