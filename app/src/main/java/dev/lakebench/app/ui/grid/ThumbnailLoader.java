package dev.lakebench.app.ui.grid;

import dev.lakebench.app.ui.common.ImageDecoding;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Loads thumbnails for grid cells off the FX thread. Cells ask for (row, size) and withdraw when they are
 * reused for another row; the loader serves the newest requests first in batches (one query for up to 64
 * rows), decodes the JPEGs at the cell size, caches them in a memory-bounded cache and hands them back on the
 * UI thread. Fast scrolling therefore never queues work for rows that went off screen.
 */
public final class ThumbnailLoader {

    static final int BATCH = 64;

    private final Sessions sessions;
    private final Executor ui;
    private final Executor decode;
    private final ThumbnailCache cache;
    private final Object lock = new Object();
    /** Wanted (row, box) → callbacks, newest last. */
    private final LinkedHashMap<ThumbnailCache.Key, List<Consumer<Image>>> pending = new LinkedHashMap<>();
    /** Being fetched now → callbacks still interested. */
    private final Map<ThumbnailCache.Key, List<Consumer<Image>>> inFlight = new HashMap<>();

    private volatile GridSource source;
    private boolean draining;
    private volatile long generation;
    private volatile Boolean hasStored;
    private long loaded;

    public ThumbnailLoader(GridSource source, Sessions sessions, Executor decode, Executor ui, ThumbnailCache cache) {
        this.source = source;
        this.sessions = sessions;
        this.decode = decode;
        this.ui = ui;
        this.cache = cache;
    }

    /** Switches to another image column (pending requests are dropped). */
    public void source(GridSource s) {
        synchronized (lock) {
            pending.clear();
            inFlight.clear();
            this.source = s;
            this.hasStored = null;
            generation++;
        }
        cache.clear();
    }

    /** Asks for a row's picture; {@code done} runs on the UI thread (at once when cached). Call on the UI thread. */
    public void request(String row, int box, Consumer<Image> done) {
        Image cached = cache.get(row, box);
        if (cached != null) {
            done.accept(cached);
            return;
        }
        synchronized (lock) {
            ThumbnailCache.Key k = new ThumbnailCache.Key(row, box);
            List<Consumer<Image>> flying = inFlight.get(k);
            if (flying != null) {
                flying.add(done);
                return;
            }
            List<Consumer<Image>> callbacks = pending.remove(k);
            if (callbacks == null) {
                callbacks = new ArrayList<>(1);
            }
            callbacks.add(done);
            pending.put(k, callbacks); // re-inserted: now the newest
            if (!draining) {
                draining = true;
                decode.execute(this::drain);
            }
        }
    }

    /** Withdraws a request (the cell now shows another row). */
    public void cancel(String row, int box, Consumer<Image> done) {
        synchronized (lock) {
            ThumbnailCache.Key k = new ThumbnailCache.Key(row, box);
            List<Consumer<Image>> flying = inFlight.get(k);
            if (flying != null) {
                flying.remove(done);
            }
            List<Consumer<Image>> callbacks = pending.get(k);
            if (callbacks != null) {
                callbacks.remove(done);
                if (callbacks.isEmpty()) {
                    pending.remove(k);
                }
            }
        }
    }

    /** Requests still waiting (for tests and the status line). */
    public int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Pictures decoded so far. */
    public long loadedCount() {
        return loaded;
    }

    private void drain() {
        while (true) {
            List<ThumbnailCache.Key> batch = new ArrayList<>(BATCH);
            long gen;
            GridSource s;
            synchronized (lock) {
                gen = generation;
                s = source;
                // newest requests first: they are what is on screen now
                List<ThumbnailCache.Key> keys = new ArrayList<>(pending.keySet());
                for (int i = keys.size() - 1; i >= 0 && batch.size() < BATCH; i--) {
                    ThumbnailCache.Key k = keys.get(i);
                    if (batch.isEmpty() || k.box() == batch.get(0).box()) {
                        batch.add(k);
                        inFlight.put(k, pending.remove(k));
                    }
                }
                if (batch.isEmpty()) {
                    draining = false;
                    return;
                }
            }
            Map<ThumbnailCache.Key, Image> images;
            try {
                images = fetch(s, batch);
            } catch (RuntimeException e) {
                images = Map.of();
            }
            Map<ThumbnailCache.Key, Image> got = images;
            ui.execute(() -> deliver(batch, got, gen));
        }
    }

    private void deliver(List<ThumbnailCache.Key> batch, Map<ThumbnailCache.Key, Image> got, long gen) {
        for (ThumbnailCache.Key k : batch) {
            List<Consumer<Image>> callbacks;
            synchronized (lock) {
                callbacks = inFlight.remove(k);
            }
            Image img = got.get(k);
            if (img == null || gen != generation) {
                continue;
            }
            cache.put(k.row(), k.box(), img);
            loaded++;
            if (callbacks != null) {
                for (Consumer<Image> c : List.copyOf(callbacks)) {
                    c.accept(img);
                }
            }
        }
    }

    /** Background: stored thumbnails for the batch (in the order of the picture columns), the pictures for rows without them. */
    private Map<ThumbnailCache.Key, Image> fetch(GridSource s, List<ThumbnailCache.Key> batch) {
        int box = batch.get(0).box();
        Client client = sessions.client(s.workspace());
        Map<String, byte[]> bytes = new HashMap<>();
        if (!Boolean.FALSE.equals(hasStored)) {
            try {
                for (String column : s.pictureColumns()) {
                    List<Object> params = new ArrayList<>();
                    params.add(column);
                    params.add(box + "x" + box);
                    for (ThumbnailCache.Key k : batch) {
                        if (!bytes.containsKey(k.row())) {
                            params.add(k.row());
                        }
                    }
                    if (params.size() == 2) {
                        break;
                    }
                    for (Row r : client.query(GridSource.thumbnailsSql(params.size() - 2), params.toArray())) {
                        bytes.putIfAbsent((String) r.get(0), (byte[]) r.get(1));
                    }
                }
                if (hasStored == null) {
                    hasStored = !bytes.isEmpty();
                }
            } catch (RuntimeException e) {
                hasStored = false; // no thumbnails table in this workspace
            }
        }
        List<Object> missing = new ArrayList<>();
        for (ThumbnailCache.Key k : batch) {
            if (!bytes.containsKey(k.row())) {
                missing.add(k.row());
            }
        }
        if (!missing.isEmpty()) {
            for (Row r : client.query(s.imagesSql(missing.size()), missing.toArray())) {
                if (r.get(1) instanceof byte[] b) {
                    bytes.put(String.valueOf(r.get(0)), b);
                }
            }
        }
        Map<ThumbnailCache.Key, Image> out = new LinkedHashMap<>();
        for (ThumbnailCache.Key k : batch) {
            byte[] b = bytes.get(k.row());
            if (b != null) {
                ImageDecoding.decode(b, box).ifPresent(img -> out.put(k, img));
            }
        }
        return out;
    }
}
