/**
 * Column ingest benchmarks. Layer: bench. May use: core, bench.support, bench.data.
 */
package dev.lakebench.bench.columns;
