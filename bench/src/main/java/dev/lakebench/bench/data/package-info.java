/**
 * The generated data sets shared with the reference engines (bench/reference). Layer: bench. May use: the JDK.
 */
package dev.lakebench.bench.data;
