/**
 * BM25 scoring and the English analyzer shared by the exact and the indexed paths. Layer: bottom of
 * index. May use: Lucene's analysis, the JDK.
 */
package dev.lakebench.core.index.text;
