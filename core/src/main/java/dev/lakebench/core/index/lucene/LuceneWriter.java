package dev.lakebench.core.index.lucene;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/** The writing side of an index directory: documents in, and commits that record the watermark they reflect. */
public final class LuceneWriter {

    private final LuceneIndex index;
    private final IndexWriter writer;

    LuceneWriter(LuceneIndex index, IndexWriter writer) {
        this.index = index;
        this.writer = writer;
    }

    /** Adds the row at the cursor as a new document (initial build). */
    public void add(IndexFields fields, ResultSet rs) throws SQLException, IOException {
        writer.addDocument(fields.document(rs));
    }

    /** Adds prepared documents (the parallel build: each calling thread fills its own segment). */
    public void addAll(List<Document> docs) throws IOException {
        writer.addDocuments(docs);
    }

    /** Replaces the document of the row at the cursor. */
    public void update(IndexFields fields, ResultSet rs) throws SQLException, IOException {
        writer.updateDocument(IndexFields.keyTerm(rs.getLong(1)), fields.document(rs));
    }

    public void delete(long[] keys, int n) throws IOException {
        Term[] terms = new Term[n];
        for (int i = 0; i < n; i++) {
            terms[i] = IndexFields.keyTerm(keys[i]);
        }
        writer.deleteDocuments(terms);
    }

    public void forceMerge() throws IOException {
        writer.forceMerge(1);
    }

    /** Makes everything written durable with the watermark it reflects, and visible to searches. */
    public void commit(long newWatermark) throws IOException {
        writer.setLiveCommitData(index.commitData(newWatermark).entrySet());
        writer.commit();
        index.committed(newWatermark);
    }
}
