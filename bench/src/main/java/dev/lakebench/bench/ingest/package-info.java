/**
 * File ingest benchmarks (text, PDF, image, video). Layer: bench. May use: core, bench.support.
 */
package dev.lakebench.bench.ingest;
