package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Query vectors are computed once per (model, text): the model runs again only for a new model or a new text. */
class QueryEmbeddingsTest {

    /** A model that counts its runs and gives each text a vector of its length. */
    private static final class Counting implements Embedder {
        final String name;
        final AtomicInteger runs = new AtomicInteger();

        Counting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int maxTokens() {
            return 16;
        }

        @Override
        public boolean supportsText() {
            return true;
        }

        @Override
        public Embedding embedTexts(List<String> texts) {
            runs.incrementAndGet();
            float[][] v = new float[texts.size()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = new float[] {texts.get(i).length(), name.length()};
            }
            return new Embedding(v, 0);
        }
    }

    @Test
    void theSameModelAndTextRunTheModelOnce() {
        QueryEmbeddings cache = new QueryEmbeddings(8);
        Counting a = new Counting("a");
        Counting bb = new Counting("bb");
        float[] first = cache.embed(a, "red tulip");
        float[] again = cache.embed(a, "red tulip");
        assertThat(a.runs).hasValue(1);
        assertThat(again).containsExactly(first);
        // a caller changing its copy does not change what the cache gives next
        again[0] = -1;
        assertThat(cache.embed(a, "red tulip")).containsExactly(9f, 1f);
        assertThat(a.runs).hasValue(1);
        // another text, or the same text with another model, runs a model
        cache.embed(a, "red tulips");
        assertThat(a.runs).hasValue(2);
        assertThat(cache.embed(bb, "red tulip")).containsExactly(9f, 2f);
        assertThat(bb.runs).hasValue(1);
    }

    @Test
    void anotherQueryPromptIsAnotherEntryAndTheModelReadsThePromptBeforeTheText() {
        QueryEmbeddings cache = new QueryEmbeddings(8);
        Counting m = new Counting("m");
        assertThat(cache.embed(m, "", "red")).containsExactly(3f, 1f);
        // the same model name and text with another prompt (a model pulled again with other prompts, a column
        // made with other prompts) is not served the vector made without it
        assertThat(cache.embed(m, "query: ", "red")).containsExactly(10f, 1f);
        assertThat(m.runs).hasValue(2);
        assertThat(cache.embed(m, "query: ", "red")).containsExactly(10f, 1f);
        assertThat(cache.embed(m, "", "red")).containsExactly(3f, 1f);
        assertThat(m.runs).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenFull() {
        QueryEmbeddings cache = new QueryEmbeddings(2);
        Counting m = new Counting("m");
        cache.embed(m, "one");
        cache.embed(m, "two");
        cache.embed(m, "one"); // "two" is now the eldest
        cache.embed(m, "three");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(m.runs).hasValue(3);
        cache.embed(m, "one");
        assertThat(m.runs).hasValue(3);
        cache.embed(m, "two");
        assertThat(m.runs).hasValue(4);
    }
}
