package dev.lakebench.app.ui.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails by (row key, size), least recently used first out, bounded by the bytes the pictures take
 * in memory (width × height × 4), so scrolling through 100,000 rows keeps memory flat. FX thread only.
 */
public final class ThumbnailCache {

    /** A cached picture's identity. */
    public record Key(String row, int box) {}

    private final long budget;
    private long used;
    private final LinkedHashMap<Key, Image> map = new LinkedHashMap<>(512, 0.75f, true);

    public ThumbnailCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    public Image get(String row, int box) {
        return map.get(new Key(row, box));
    }

    public void put(String row, int box, Image img) {
        Image old = map.put(new Key(row, box), img);
        if (old != null) {
            used -= cost(old);
        }
        used += cost(img);
        var it = map.entrySet().iterator();
        while (used > budget && it.hasNext()) {
            Map.Entry<Key, Image> e = it.next();
            if (e.getValue() == img) {
                continue;
            }
            used -= cost(e.getValue());
            it.remove();
        }
    }

    static long cost(Image img) {
        return Math.max(1, (long) img.getWidth() * (long) img.getHeight() * 4);
    }

    public long usedBytes() {
        return used;
    }

    public int size() {
        return map.size();
    }

    public void clear() {
        map.clear();
        used = 0;
    }
}
