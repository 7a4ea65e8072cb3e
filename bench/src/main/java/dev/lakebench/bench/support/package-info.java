/**
 * Measurement, formatting and process helpers of the harness. Layer: bench. May use: the JDK.
 */
package dev.lakebench.bench.support;
