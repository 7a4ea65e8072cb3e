package dev.lakebench.core.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors of query texts, kept by (model, query prompt, text) so that re-running or paging a query, or the same
 * words in the search box, do not run the model again, and a query read with another prompt (a model pulled
 * again with other prompts, a column made with other prompts) never gets a vector made with the old one. Least
 * recently used entries go first.
 */
public final class QueryEmbeddings {

    private final int capacity;
    private final Map<String, float[]> cache;

    QueryEmbeddings(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryEmbeddings.this.capacity;
            }
        };
    }

    /** The (cached) vector of {@code text} as a query by {@code model}, after the model's own query prompt. */
    public float[] embed(Embedder model, String text) {
        return embed(model, model.prompts().query(), text);
    }

    /** The (cached) vector of {@code prompt + text} by {@code model}. */
    public float[] embed(Embedder model, String prompt, String text) {
        String key = model.name() + '\u0000' + prompt + '\u0000' + text;
        synchronized (cache) {
            float[] v = cache.get(key);
            if (v != null) {
                return v.clone();
            }
        }
        float[] v = model.embedTexts(List.of(prompt + text)).vectors()[0];
        synchronized (cache) {
            cache.put(key, v);
        }
        return v.clone();
    }

    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    void forget(String model) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.startsWith(model + '\u0000'));
        }
    }
}
