/**
 * Ingest: column data, formats and files into a table sink, with progress, cancellation and resume.
 * Layer: engines, above backend.local and embed. May use: the backend contract and the local backend, embed, hub,
 * schema, store, the api layer.
 */
package dev.lakebench.core.ingest;
