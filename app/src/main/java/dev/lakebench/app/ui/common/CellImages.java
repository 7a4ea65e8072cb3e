package dev.lakebench.app.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Small pictures for grid cells that hold image bytes: decoded on the workbench's decode threads, cached (by the
 * byte array itself) in a bounded LRU, delivered on the FX thread. A cell checks on delivery that it still
 * shows the same value, so scrolling never shows a stale picture.
 */
public final class CellImages {

    private static final int CAPACITY = 1500;

    private final int box;
    private final Executor decoder;
    private final Executor ui;
    private final Map<byte[], Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<byte[], Image> e) {
            return size() > CAPACITY;
        }
    };

    public CellImages(int box, Threads threads) {
        this.box = box;
        this.decoder = threads.decode();
        this.ui = threads.ui();
    }

    /** The cached picture, or null; call on the FX thread. */
    public Image cached(byte[] bytes) {
        return cache.get(bytes);
    }

    /** Decodes in the background and hands the picture (never null) to {@code done} on the FX thread. */
    public void load(byte[] bytes, Consumer<Image> done) {
        decoder.execute(() -> ImageDecoding.decode(bytes, box)
                .ifPresent(img -> ui.execute(() -> {
                    cache.put(bytes, img);
                    done.accept(img);
                })));
    }
}
