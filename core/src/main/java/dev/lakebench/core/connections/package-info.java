/**
 * Saved managed connections and their tokens (kept in the OS credential store). Layer: engine services.
 * May use: backend.managed, native's keychain, the client's shared types.
 */
package dev.lakebench.core.connections;
