/**
 * Column types, table schemas, type inference and value conversion. Layer: near the bottom (the shared
 * types of tables). May use: the client's error types only.
 */
package dev.lakebench.core.schema;
