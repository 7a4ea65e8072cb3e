/**
 * Vector kernels (SIMD and scalar cosine, MaxSim) and the exact flat scan over the vector logs. Layer:
 * bottom of index. May use: index's result types (Hits, TopK), store's vector logs, concurrent, the
 * JDK's vector API.
 */
package dev.lakebench.core.index.vector;
