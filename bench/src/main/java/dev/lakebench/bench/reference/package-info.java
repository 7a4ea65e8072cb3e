/**
 * The reference engines' results read into the report. Layer: bench. May use: the JDK.
 */
package dev.lakebench.bench.reference;
