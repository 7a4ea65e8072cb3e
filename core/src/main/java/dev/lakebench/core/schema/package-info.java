/**
 * Column types and table schemas: the shared types of tables, named in the SDK's signatures. Layer: the
 * bottom. May use: nothing else in core.
 */
package dev.lakebench.core.schema;
