package dev.lakebench.core.sql;

/** What {@code <#>} ranks by, decided by the searched column's type. */
public enum SearchKind {
    /** EMBEDDING: cosine similarity. */
    VECTOR,
    /** EMBEDDING_2D: MaxSim (late interaction). */
    MULTI_VECTOR,
    /** TEXT: BM25. */
    TEXT,
    /** (EMBEDDING, TEXT) hybrid record: softmax-normalised, weighted merge of both. */
    HYBRID
}
