/**
 * Dataset format ingest benchmarks. Layer: bench. May use: core, bench.support.
 */
package dev.lakebench.bench.formats;
