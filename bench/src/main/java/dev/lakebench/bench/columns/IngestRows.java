package dev.lakebench.bench.columns;

import dev.lakebench.bench.data.TextCorpus;
import dev.lakebench.bench.data.VectorSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows the column-ingest benchmark measures, built once in memory before anything is timed: {@code embedding} = the shared
 * vec-100k base vectors (384 float32), {@code text} = exactly 200 ASCII characters cut from the shared text
 * corpus (documents i, i+1, ... joined by spaces), {@code id} = the row number as int64.
 */
final class IngestRows {

    static final int TEXT_CHARS = 200;

    final List<float[]> embeddings;
    final List<String> texts;
    final List<Long> ids;
    final int dim;

    private IngestRows(List<float[]> embeddings, List<String> texts, List<Long> ids, int dim) {
        this.embeddings = Collections.unmodifiableList(embeddings);
        this.texts = Collections.unmodifiableList(texts);
        this.ids = Collections.unmodifiableList(ids);
        this.dim = dim;
    }

    static IngestRows build(VectorSet vectors, TextCorpus corpus, int rows) {
        if (rows > vectors.size()) {
            throw new IllegalArgumentException("the vector set has " + vectors.size() + " rows, asked for " + rows);
        }
        List<float[]> e = new ArrayList<>(rows);
        List<String> t = new ArrayList<>(rows);
        List<Long> ids = new ArrayList<>(rows);
        StringBuilder sb = new StringBuilder(TEXT_CHARS * 2);
        for (int i = 0; i < rows; i++) {
            e.add(vectors.vector(i));
            sb.setLength(0);
            for (int d = i; sb.length() < TEXT_CHARS; d++) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(corpus.doc(d % corpus.size()));
            }
            t.add(sb.substring(0, TEXT_CHARS));
            ids.add((long) i);
        }
        return new IngestRows(e, t, ids, vectors.dim());
    }

    int size() {
        return ids.size();
    }

    /** Bytes of payload per row: the float32 vector, the ASCII text and the int64. */
    long bytesPerRow() {
        return dim * 4L + TEXT_CHARS + 8;
    }

    /** The first {@code n} rows (a view). */
    IngestRows head(int n) {
        return new IngestRows(embeddings.subList(0, n), texts.subList(0, n), ids.subList(0, n), dim);
    }
}
