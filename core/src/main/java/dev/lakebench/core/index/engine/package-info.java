/**
 * Functions registered in the engine (search scoring, vector writes, the hits table function). Layer:
 * engine services. May use: index, store, the engine's function API (the one listed exception to "org.duckdb
 * only in native", see CoreArchitectureTest).
 */
package dev.lakebench.core.index.engine;
