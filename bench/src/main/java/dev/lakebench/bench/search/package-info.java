/**
 * Search benchmarks: exact and indexed vector, BM25, hybrid, and the recall bound. Layer: bench. May use:
 * core, bench.data, bench.support.
 */
package dev.lakebench.bench.search;
