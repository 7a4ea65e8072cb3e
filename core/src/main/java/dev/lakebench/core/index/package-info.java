/**
 * Search: exact and indexed vector, BM25 and hybrid top-k, and the lifecycle of indexes. The state
 * machine is in one place: {@code IndexRegistry} (declarations, directories), {@code IndexBuilds} (background
 * work owning an immutable {@code IndexStatus}), {@code IndexRouter} (which index serves a search),
 * {@code EfSearchPolicy} (search effort and the recall bound, docs/decisions/0014-code-layout.md) and the facade
 * {@code IndexManager}. Layer: engine services. May use: index.lucene, index.text, index.vector, store, schema,
 * sql's search kinds, the client's shared types. Must not use: backend (enforced by CoreArchitectureTest).
 */
package dev.lakebench.core.index;
