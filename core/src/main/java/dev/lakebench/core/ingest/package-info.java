/**
 * Ingest: column data, formats and files into a table sink, with progress, cancellation and resume.
 * Layer: engine services. May use: backend's sinks, schema, store, index's requests, the client's shared types.
 */
package dev.lakebench.core.ingest;
