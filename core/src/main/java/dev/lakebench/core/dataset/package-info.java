/**
 * Reading tables as batches for training loops, and Parquet export. Layer: engine services above backend.
 * May use: backend, sql, schema, store, concurrent, the client's shared types, native's engine.
 */
package dev.lakebench.core.dataset;
