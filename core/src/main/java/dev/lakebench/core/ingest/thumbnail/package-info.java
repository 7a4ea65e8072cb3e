/**
 * Thumbnails made at ingest and kept in the workspace's thumbnail table. Layer: ingest. May use:
 * ingest.image, backend's sinks, schema.
 */
package dev.lakebench.core.ingest.thumbnail;
