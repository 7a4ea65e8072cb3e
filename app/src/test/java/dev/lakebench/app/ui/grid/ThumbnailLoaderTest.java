package dev.lakebench.app.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Lazy loading from the thumbnails table (and the image column where none is stored), bounded memory. */
class ThumbnailLoaderTest {

    private static final dev.lakebench.app.ui.common.Threads THREADS = dev.lakebench.app.ui.common.Threads.forFx();

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void await(java.util.concurrent.Callable<Boolean> c) throws Exception {
        long until = System.currentTimeMillis() + 300_000;
        while (!c.call()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void storedThumbnailsAtTheRequestedSizeAndFallbackToTheImage() throws Exception {
        Path data = dir.resolve("data");
        try (Client c = Client.local(data)) {
            c.ingest(
                    "photos",
                    Map.of("path", List.of(UiFixtures.testData("images-sample").resolve("pillow"))),
                    IngestOptions.defaults().schema("path", "FILE"));
        }
        UiFixtures.seedImages(data);
        try (Sessions sessions = new Sessions(r -> null)) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(data), "default");
            var client = sessions.client(ws);
            List<String> ids = client.query("SELECT id FROM photos WHERE image IS NOT NULL ORDER BY filename").stream()
                    .map(r -> (String) r.get(0))
                    .toList();
            assertThat(ids).isNotEmpty();
            GridSource photos =
                    GridSource.of(ws, client.describeTable("photos")).orElseThrow();
            ThumbnailCache cache = new ThumbnailCache(64L << 20);
            ThumbnailLoader loader = new ThumbnailLoader(photos, sessions, THREADS.decode(), Platform::runLater, cache);
            Map<String, Image> got = new ConcurrentHashMap<>();
            Platform.runLater(() -> ids.forEach(id -> loader.request(id, 64, img -> got.put(id, img))));
            await(() -> got.size() == ids.size());
            for (Image img : got.values()) {
                assertThat(Math.max(img.getWidth(), img.getHeight())).isLessThanOrEqualTo(64);
            }

            // a table with image bytes but no stored thumbnails: pictures come from its image column
            GridSource seeded =
                    GridSource.of(ws, client.describeTable("images")).orElseThrow();
            ThumbnailLoader direct = new ThumbnailLoader(
                    seeded, sessions, THREADS.decode(), Platform::runLater, new ThumbnailCache(64L << 20));
            Map<String, Image> got2 = new ConcurrentHashMap<>();
            Platform.runLater(() -> direct.request("img-003", 128, img -> got2.put("img-003", img)));
            await(() -> got2.containsKey("img-003"));
            assertThat(Math.max(
                            got2.get("img-003").getWidth(), got2.get("img-003").getHeight()))
                    .isLessThanOrEqualTo(128);
        }
    }

    @Test
    void withdrawnRequestsAreNotServed() throws Exception {
        UiFixtures.seedImages(dir);
        try (Sessions sessions = new Sessions(r -> null)) {
            WorkspaceRef ws = new WorkspaceRef(new ConnectionSpec.Local(dir), "default");
            GridSource s = GridSource.of(ws, sessions.client(ws).describeTable("images"))
                    .orElseThrow();
            // the decode work counted, so that the test knows when the loader has nothing left to do
            java.util.concurrent.atomic.AtomicInteger decoding = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.Executor decode = r -> {
                decoding.incrementAndGet();
                THREADS.decode().execute(() -> {
                    try {
                        r.run();
                    } finally {
                        decoding.decrementAndGet();
                    }
                });
            };
            ThumbnailLoader loader =
                    new ThumbnailLoader(s, sessions, decode, Platform::runLater, new ThumbnailCache(64L << 20));
            Map<String, Image> got = new ConcurrentHashMap<>();
            java.util.function.Consumer<Image> never = img -> got.put("withdrawn", img);
            Platform.runLater(() -> {
                loader.request("img-001", 32, never);
                loader.cancel("img-001", 32, never);
                loader.request("img-002", 32, img -> got.put("img-002", img));
            });
            await(() -> got.containsKey("img-002"));
            // everything decoded, and everything handed to the FX thread delivered: a withdrawn picture would be here
            await(() -> decoding.get() == 0);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(got).doesNotContainKey("withdrawn");
        }
    }

    @Test
    void theCacheStaysWithinItsBudget() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(10 * 64 * 64 * 4);
        for (int i = 0; i < 100; i++) {
            cache.put("r" + i, 64, new WritableImage(64, 64));
        }
        assertThat(cache.size()).isEqualTo(10);
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(10 * 64 * 64 * 4);
        assertThat(cache.get("r99", 64)).isNotNull();
        assertThat(cache.get("r0", 64)).isNull();
    }
}
