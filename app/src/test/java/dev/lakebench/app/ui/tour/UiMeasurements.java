package dev.lakebench.app.ui.tour;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.app.ui.sql.ResultViewModel;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.connections.MemoryCredentialStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.GridView;

/**
 * Measures the workbench in a real window (run under a virtual display, not part of the test suite):
 * Ctrl+Enter to the first rows of a local LIMIT query, and the thumbnail grid over 100,000 rows (time to the
 * first screen, frame times while scrolling, time to fill the screen after a jump).
 *
 * <pre>xvfb-run -a java -cp ... dev.lakebench.app.ui.tour.UiMeasurements DATA_DIR</pre>
 */
public final class UiMeasurements {

    static final int GRID_ROWS = 100_000;

    private Workbench workbench;
    private Stage stage;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(
                args.length > 0
                        ? args[0]
                        : Files.createTempDirectory("lakebench-measure").toString());
        if (!Files.exists(data.resolve("workspaces/default/lakebench.duckdb"))) {
            long t0 = System.nanoTime();
            seed(data);
            System.out.printf(
                    Locale.ROOT,
                    "seeded %,d grid rows (+ thumbnails) in %.1f s%n",
                    GRID_ROWS,
                    (System.nanoTime() - t0) / 1e9);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        UiMeasurements m = new UiMeasurements();
        m.run(data);
        Platform.exit();
        System.exit(0);
    }

    /** 100,000 rows with an IMAGE column and their 64 and 128 px thumbnails; a 10,000-row table for queries. */
    static void seed(Path data) throws Exception {
        int distinct = 500;
        List<byte[]> small = new ArrayList<>();
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            small.add(jpeg(i, distinct, 64));
            big.add(jpeg(i, distinct, 128));
        }
        try (Client c = Client.local(data)) {
            List<String> ids = new ArrayList<>(GRID_ROWS);
            List<byte[]> images = new ArrayList<>(GRID_ROWS);
            List<Long> n = new ArrayList<>(GRID_ROWS);
            for (int i = 0; i < GRID_ROWS; i++) {
                ids.add(String.format("g-%06d", i));
                images.add(small.get(i % distinct));
                n.add((long) i);
            }
            Map<String, List<?>> rows = new LinkedHashMap<>();
            rows.put("id", ids);
            rows.put("n", n);
            rows.put("image", images);
            c.ingest("grid100k", rows, IngestOptions.defaults().schema("image", "IMAGE"));
            for (int box : new int[] {64, 128}) {
                List<String> col = Collections.nCopies(GRID_ROWS, "image");
                List<String> dim = Collections.nCopies(GRID_ROWS, box + "x" + box);
                List<byte[]> content = new ArrayList<>(GRID_ROWS);
                for (int i = 0; i < GRID_ROWS; i++) {
                    content.add((box == 64 ? small : big).get(i % distinct));
                }
                Map<String, List<?>> t = new LinkedHashMap<>();
                t.put("file_id", ids);
                t.put("column_name", col);
                t.put("dimension", dim);
                t.put("content", content);
                c.ingest("thumbnails", t, IngestOptions.defaults().schema("content", "IMAGE"));
            }
            List<Long> k = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<float[]> vecs = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                k.add((long) i);
                names.add("item " + i);
                vecs.add(new float[] {i, i / 2f, 1f, 0.5f});
            }
            c.ingest("items", Map.of("k", k, "name", names, "v", vecs), IngestOptions.defaults());
        }
    }

    private static byte[] jpeg(int i, int n, int size) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(
                0,
                0,
                java.awt.Color.getHSBColor(i / (float) n, 0.7f, 0.95f),
                size,
                size,
                java.awt.Color.getHSBColor((i * 13 % n) / (float) n, 0.9f, 0.35f)));
        g.fillRect(0, 0, size, size);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, size / 3));
        g.drawString(Integer.toString(i), size / 8, size / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private void run(Path data) throws Exception {
        try {
            measure(data);
        } catch (Exception e) {
            e.printStackTrace();
            Platform.exit();
            System.exit(1);
        }
    }

    private void measure(Path data) throws Exception {
        fx(() -> {
            stage = new Stage();
            workbench = FxFixture.start(stage, data, new MemoryCredentialStore());
            stage.setX(0);
            stage.setY(0);
        });
        await(
                60,
                () -> workbench
                        .browser()
                        .workspaceNode(workbench.currentWorkspace())
                        .map(n -> n.children().size() >= 2)
                        .orElse(false));
        firstRows();
        grid();
        fx(() -> workbench.close());
    }

    /** Ctrl+Enter (the key event delivered to the editor) until the first rows are on screen. */
    private void firstRows() throws Exception {
        AtomicReference<SqlEditorViewModel> editor = new AtomicReference<>();
        fx(() ->
                editor.set(workbench.openEditor(workbench.currentWorkspace(), "SELECT * FROM items LIMIT 100", false)));
        Thread.sleep(1500);
        List<Double> ms = new ArrayList<>();
        List<Double> arrived = new ArrayList<>();
        AtomicLong rowsAt = new AtomicLong();
        fx(() -> editor.get()
                .currentProperty()
                .addListener((o, a, r) -> r.rows().addListener((javafx.collections.ListChangeListener<
                                dev.lakebench.core.client.Row>)
                        c -> {
                            if (rowsAt.get() == 0) {
                                rowsAt.set(System.nanoTime());
                            }
                        })));
        for (int i = 0; i < 30; i++) {
            rowsAt.set(0);
            ResultViewModel before = editor.get().currentProperty().get();
            AtomicLong pressed = new AtomicLong();
            AtomicLong shown = new AtomicLong();
            fx(() -> {
                var area = (Node) workbench.shell().root().lookupAll("#sql-editor").stream()
                        .filter(FxFixture::isShowing)
                        .findFirst()
                        .orElseThrow();
                var b = area.localToScreen(area.getBoundsInLocal());
                Robot robot = new Robot();
                robot.mouseMove(b.getMinX() + 200, b.getMinY() + 20); // no window manager: keys go where the pointer is
                area.requestFocus();
            });
            fx(() -> {
                var area = (Node) workbench.shell().root().lookupAll("#sql-editor").stream()
                        .filter(FxFixture::isShowing)
                        .findFirst()
                        .orElseThrow();
                pressed.set(System.nanoTime());
                // the key event as the window delivers it to the editor (Ctrl+Enter)
                javafx.event.Event.fireEvent(
                        area,
                        new javafx.scene.input.KeyEvent(
                                javafx.scene.input.KeyEvent.KEY_PRESSED,
                                "",
                                "",
                                KeyCode.ENTER,
                                false,
                                true,
                                false,
                                false));
            });
            await(
                    30,
                    () -> editor.get().currentProperty().get() != before
                            && !editor.get().currentProperty().get().rows().isEmpty());
            // the pulse after the one that lays them out: the frame with the rows has been drawn
            CountDownLatch pulse = new CountDownLatch(1);
            fx(() -> new AnimationTimer() {
                int ticks;

                @Override
                public void handle(long now) {
                    if (++ticks == 2) {
                        shown.set(System.nanoTime());
                        stop();
                        pulse.countDown();
                    }
                }
            }.start());
            pulse.await(5, TimeUnit.SECONDS);
            ResultViewModel r = editor.get().currentProperty().get();
            await(30, () -> r.state() != ResultViewModel.State.RUNNING);
            if (i >= 5) {
                ms.add((shown.get() - pressed.get()) / 1e6);
                arrived.add((rowsAt.get() - pressed.get()) / 1e6);
            }
            Thread.sleep(200);
        }
        System.out.println(
                "Ctrl+Enter to first rows on screen (SELECT * FROM items LIMIT 100, 25 runs after 5 warm-up): "
                        + stats(ms));
        System.out.println("  of which until the rows reach the grid's list (engine, background thread, hand-off): "
                + stats(arrived));
    }

    private void grid() throws Exception {
        var table = workbench.sessions().client(workbench.currentWorkspace()).describeTable("grid100k");
        long t0 = System.nanoTime();
        fx(() -> workbench.showGrid(workbench.currentWorkspace(), table));
        AtomicReference<GridView<String>> grid = new AtomicReference<>();
        await(60, () -> {
            Node n = workbench
                    .shell()
                    .tabs()
                    .getSelectionModel()
                    .getSelectedItem()
                    .getContent()
                    .lookup("#thumbnail-grid");
            if (n instanceof GridView<?> g && g.getItems().size() == GRID_ROWS) {
                @SuppressWarnings("unchecked")
                GridView<String> gs = (GridView<String>) g;
                grid.set(gs);
                return true;
            }
            return false;
        });
        long keys = System.nanoTime();
        await(60, () -> filled(grid.get()));
        long first = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "grid of %,d rows: keys loaded in %.0f ms, first screen of thumbnails in %.0f ms%n",
                GRID_ROWS,
                (keys - t0) / 1e6,
                (first - t0) / 1e6);

        // continuous scrolling: a steady scroll through the first 2.5% of the grid in 10 s, frame times pulse to pulse
        ScrollBar bar = scrollBar(grid.get());
        List<Double> frames = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long[] last = {0};
        long start = System.nanoTime();
        fx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    frames.add((now - last[0]) / 1e6);
                }
                last[0] = now;
                double t = (now - start) / 1e9;
                bar.setValue(Math.min(bar.getMax(), bar.getMin() + (bar.getMax() - bar.getMin()) * t / 20.0 * 0.05));
                if (t > 10) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await(60, TimeUnit.SECONDS);
        long over33 = frames.stream().filter(f -> f > 33.4).count();
        AtomicReference<Integer> firstVisible = new AtomicReference<>(0);
        fx(() -> firstVisible.set(grid.get().lookupAll(".thumb-cell").stream()
                .filter(n -> n instanceof org.controlsfx.control.GridCell<?> c && c.getItem() != null)
                .mapToInt(n -> ((org.controlsfx.control.GridCell<?>) n).getIndex())
                .min()
                .orElse(0)));
        System.out.printf(
                Locale.ROOT,
                "continuous scroll 10 s (to item %,d): %d frames, frame time %s, %.1f%% over 33 ms%n",
                firstVisible.get(),
                frames.size(),
                stats(frames),
                100.0 * over33 / Math.max(1, frames.size()));

        // jumps: to random places; time until every visible cell shows its thumbnail
        java.util.Random r = new java.util.Random(3);
        List<Double> fill = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double to = r.nextDouble();
            long j0 = System.nanoTime();
            fx(() -> bar.setValue(bar.getMin() + (bar.getMax() - bar.getMin()) * to));
            Thread.sleep(20);
            await(30, () -> filled(grid.get()));
            fill.add((System.nanoTime() - j0) / 1e6);
        }
        System.out.println("jump to a random place, screen filled after: " + stats(fill));
        fx(() -> {
            System.out.println("visible cells: "
                    + grid.get().lookupAll(".thumb-cell").size() + ", heap used: "
                    + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MB");
        });
    }

    private static ScrollBar scrollBar(GridView<String> grid) {
        for (Node n : grid.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar s && s.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return s;
            }
        }
        throw new IllegalStateException("no vertical scroll bar");
    }

    /** Every visible cell that shows a row has its picture. */
    private static boolean filled(GridView<String> grid) {
        int cells = 0;
        for (Node n : grid.lookupAll(".thumb-cell")) {
            if (n instanceof org.controlsfx.control.GridCell<?> c
                    && c.getItem() != null
                    && c.isVisible()
                    && c.localToScene(c.getBoundsInLocal()).getMinY() < grid.getHeight()) {
                cells++;
                if (!(c.lookup(".image-view") instanceof ImageView v) || v.getImage() == null) {
                    return false;
                }
            }
        }
        return cells > 0;
    }

    static String stats(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        if (s.isEmpty()) {
            return "no samples";
        }
        return String.format(
                Locale.ROOT,
                "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)",
                s.get(s.size() / 2),
                s.get((int) Math.min(s.size() - 1, Math.round(s.size() * 0.95))),
                s.get(s.size() - 1),
                s.size());
    }

    private static void fx(Runnable r) throws Exception {
        FxSteps.fx(r);
    }

    private static void await(long seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        FxSteps.await(seconds, 5, c);
    }
}
