/**
 * File ingest: one row (or chunks) per file, with a ledger so that a rerun continues. Layer: ingest.
 * May use: ingest, ingest.image, ingest.thumbnail, schema, native's media.
 */
package dev.lakebench.core.ingest.files;
