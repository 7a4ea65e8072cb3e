/**
 * JSON trees read and written without an object mapper. Layer: bottom (no Lakebench dependencies). May use: the
 * JDK and Jackson.
 */
package dev.lakebench.core.json;
