/**
 * The benchmark harness (bench/README.md): runs benchmarks and writes one report. Layer: tool above core.
 * May use: core, the bench packages.
 */
package dev.lakebench.bench;
