/**
 * The workspace on disk: data directory, catalog, table writer, vector logs, identifier rules, and the rules
 * for stored values (schema compatibility, type inference, value conversion). Layer: storage, below everything
 * that reads or writes tables. May use: schema, the client's error types, native's engine (through
 * EngineSession, RowAppender, EngineValues).
 */
package dev.lakebench.core.store;
