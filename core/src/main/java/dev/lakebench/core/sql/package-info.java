/**
 * The SQL dialect: Deeplake-style search operators and domain types rewritten into engine SQL. Layer:
 * engine services below backend.local. May use: schema, store, the client's shared types.
 */
package dev.lakebench.core.sql;
