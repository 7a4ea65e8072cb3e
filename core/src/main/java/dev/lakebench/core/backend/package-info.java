/**
 * Where tables live: the {@code Backend} interface the client talks to, and table sinks for ingest.
 * Layer: engine services, below the client facade. May use: schema, store, the client's shared types.
 */
package dev.lakebench.core.backend;
