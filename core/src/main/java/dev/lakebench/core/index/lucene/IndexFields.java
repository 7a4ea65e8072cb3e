package dev.lakebench.core.index.lucene;

import dev.lakebench.core.index.IndexDefinition;
import dev.lakebench.core.index.IndexType;
import dev.lakebench.core.index.text.WordAnalyzer;
import dev.lakebench.core.index.vector.VectorMath;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.VectorStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * How a table row becomes a Lucene document. Every row gets one (so document and row counts can be compared)
 * with its key ({@code _k} term for updates, {@code _key} doc value); then per indexed column: a normalised
 * kNN vector plus its log reference, BM25 text, an exact value, or inverted terms / points.
 */
public final class IndexFields {

    static final String KEY_TERM = "_k";
    static final String KEY = "_key";
    /** Exact values are skipped above Lucene's term size limit. */
    private static final int MAX_EXACT_BYTES = 32_000;

    private final IndexDefinition def;
    private final List<Column> columns;
    private final List<Column> covered;
    private final VectorStore vectors;

    /**
     * Fields of {@code def}'s documents; {@code covered} are the scalar columns also kept as doc values, so that
     * a search returning only them and the score needs no trip to the table.
     */
    public IndexFields(IndexDefinition def, TableDef table, List<String> covered, VectorStore vectors) {
        this.def = def;
        this.vectors = vectors;
        List<Column> cols = new ArrayList<>();
        for (String c : def.columns()) {
            cols.add(table.column(c));
        }
        this.columns = List.copyOf(cols);
        List<Column> cov = new ArrayList<>();
        for (String c : covered) {
            table.schema().column(c).ifPresent(cov::add);
        }
        this.covered = List.copyOf(cov);
    }

    /** The table's columns an index can keep as doc values: numbers and booleans. */
    public static List<String> coverable(TableDef table) {
        List<String> out = new ArrayList<>();
        for (Column c : table.schema().columns()) {
            if (coverable(c)) {
                out.add(c.name());
            }
        }
        return out;
    }

    static boolean coverable(Column c) {
        return switch (c.type()) {
            case INT32, INT64, CLASS_LABEL, FLOAT32, FLOAT64, BOOL -> true;
            default -> false;
        };
    }

    static String coveredField(String column) {
        return "c:" + column.toLowerCase(Locale.ROOT);
    }

    public List<Column> columns() {
        return columns;
    }

    static String vectorField(String column) {
        return "v:" + column.toLowerCase(Locale.ROOT);
    }

    static String refField(String column) {
        return "r:" + column.toLowerCase(Locale.ROOT);
    }

    static String textField(String column) {
        return "t:" + column.toLowerCase(Locale.ROOT);
    }

    static String exactField(String column) {
        return "x:" + column.toLowerCase(Locale.ROOT);
    }

    static String skippedField(String column) {
        return "xs:" + column.toLowerCase(Locale.ROOT);
    }

    static int maxExactBytes() {
        return MAX_EXACT_BYTES;
    }

    static String termsField(String column) {
        return "w:" + column.toLowerCase(Locale.ROOT);
    }

    static String numberField(String column) {
        return "n:" + column.toLowerCase(Locale.ROOT);
    }

    static Term keyTerm(long key) {
        byte[] b = new byte[Long.BYTES];
        NumericUtils.longToSortableBytes(key, b, 0);
        return new Term(KEY_TERM, new BytesRef(b));
    }

    /** {@code SELECT _lb_key, _lb_ver, <indexed values> FROM lb_data.t}, without a WHERE. */
    public String select(TableDef table) {
        StringBuilder sb = new StringBuilder("SELECT \"_lb_key\", \"_lb_ver\"");
        for (Column c : columns) {
            String q = Identifiers.quote(c.name());
            sb.append(", ")
                    .append(
                            switch (c.type()) {
                                case EMBEDDING -> "struct_extract(" + q + ", 'lb_vec')";
                                case EMBEDDING_2D -> "NULL"; // MaxSim stays exact: nothing of it is indexed
                                default -> q;
                            });
        }
        for (Column c : covered) {
            sb.append(", ").append(Identifiers.quote(c.name()));
        }
        return sb.append(" FROM ").append(table.dataTable()).toString();
    }

    /** The document of the current row of a {@link #select} result. */
    public Document document(ResultSet rs) throws SQLException {
        long key = rs.getLong(1);
        Document doc = new Document();
        doc.add(new StringField(KEY_TERM, keyTerm(key).bytes(), Field.Store.NO));
        doc.add(new NumericDocValuesField(KEY, key));
        for (int i = 0; i < columns.size(); i++) {
            add(doc, columns.get(i), rs, 3 + i);
        }
        for (int i = 0; i < covered.size(); i++) {
            Column c = covered.get(i);
            int col = 3 + columns.size() + i;
            long bits = switch (c.type()) {
                case FLOAT32, FLOAT64 -> Double.doubleToRawLongBits(rs.getDouble(col));
                case BOOL -> rs.getBoolean(col) ? 1 : 0;
                default -> rs.getLong(col);
            };
            if (!rs.wasNull()) {
                doc.add(new NumericDocValuesField(coveredField(c.name()), bits));
            }
        }
        return doc;
    }

    /** The Java value of a covered doc value, as query results carry it (Long, Double, Boolean). */
    static Object decode(Column c, long bits) {
        return switch (c.type()) {
            case FLOAT32, FLOAT64 -> Double.longBitsToDouble(bits);
            case BOOL -> bits != 0;
            default -> bits;
        };
    }

    private void add(Document doc, Column c, ResultSet rs, int col) throws SQLException {
        switch (c.type()) {
            case EMBEDDING -> {
                long ref = rs.getLong(col);
                if (rs.wasNull()) {
                    return;
                }
                float[] unit = VectorMath.normalized(vectors.read(ref));
                if (unit != null) {
                    doc.add(new KnnFloatVectorField(vectorField(c.name()), unit, VectorSimilarityFunction.DOT_PRODUCT));
                    doc.add(new NumericDocValuesField(refField(c.name()), ref));
                }
            }
            case EMBEDDING_2D -> {
                // a hybrid record's multi-vector side: MaxSim is computed exactly from the vector log
            }
            case TEXT -> {
                String text = rs.getString(col);
                if (text == null) {
                    return;
                }
                if (def.type().ranksText()) {
                    doc.add(new TextField(textField(c.name()), text, Field.Store.NO));
                } else if (def.type() == IndexType.EXACT_TEXT) {
                    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_EXACT_BYTES) {
                        doc.add(new StringField(exactField(c.name()), text, Field.Store.NO));
                    } else {
                        // too long for a term: marked, so that filters on this index fall back to the engine
                        doc.add(new StringField(skippedField(c.name()), "1", Field.Store.NO));
                    }
                } else {
                    doc.add(new TextField(termsField(c.name()), text, Field.Store.NO));
                }
            }
            case INT32, INT64, CLASS_LABEL -> {
                long v = rs.getLong(col);
                if (!rs.wasNull()) {
                    doc.add(new LongPoint(numberField(c.name()), v));
                }
            }
            case FLOAT32, FLOAT64 -> {
                double v = rs.getDouble(col);
                if (!rs.wasNull()) {
                    doc.add(new DoublePoint(numberField(c.name()), v));
                }
            }
            default ->
                throw new IllegalStateException("column " + c.name() + " of type " + c.type() + " cannot be indexed");
        }
    }

    /** English analysis for BM25 fields, lower-cased words for inverted fields, whole values otherwise. */
    static Analyzer analyzer() {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                return new TokenStreamComponents(source, ts);
            }
        };
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return field.startsWith("w:") ? words : WordAnalyzer.get();
            }
        };
    }
}
