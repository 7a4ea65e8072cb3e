/**
 * Managed-backend benchmarks over loopback. Layer: bench. May use: core, bench.support.
 */
package dev.lakebench.bench.remote;
