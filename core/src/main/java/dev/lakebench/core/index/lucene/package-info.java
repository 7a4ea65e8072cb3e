/**
 * One Lucene index directory: {@code LuceneIndex} (the handle: open, commit data, searchers),
 * {@code LuceneWriter} (documents and commits with a watermark) and {@code LuceneQueries} (nearest neighbours,
 * BM25, filters, covered values). Layer: below index. May use: Lucene, index.text, index.vector, schema, store.
 * Knows nothing of the index lifecycle.
 */
package dev.lakebench.core.index.lucene;
