/**
 * Saved managed connections and their tokens (kept in the OS credential store). Layer: engines, above backend.managed.
 * May use: backend.managed, native's keychain, the api layer.
 */
package dev.lakebench.core.connections;
