/**
 * Dataset formats (COCO, Hugging Face, LeRobot, ...) normalised into columns. Layer: ingest. May use:
 * ingest, schema, store's identifiers, native's engine for Parquet scans.
 */
package dev.lakebench.core.ingest.formats;
