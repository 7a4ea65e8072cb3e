/**
 * The managed backend: the same {@code Backend} over REST on a managed service (docs/managed-protocol.md).
 * Layer: engine services. May use: backend, schema, sql, store, concurrent, the client's shared types; loopback-only in
 * tests.
 */
package dev.lakebench.core.backend.managed;
