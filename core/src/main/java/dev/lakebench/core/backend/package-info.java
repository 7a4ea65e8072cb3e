/**
 * The backend contract: the {@code Backend} interface the client talks to, and table sinks and source ledgers
 * for ingest. Layer: api (the client's public constructor takes a Backend); the implementations in
 * {@code backend.local}, {@code backend.managed} and {@code backend.postgres} are engines and do not know each
 * other. May use: the api layer, schema.
 */
package dev.lakebench.core.backend;
