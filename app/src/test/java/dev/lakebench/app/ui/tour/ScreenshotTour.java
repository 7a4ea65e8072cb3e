package dev.lakebench.app.ui.tour;

import dev.lakebench.app.ui.FxFixture;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.ingest.IngestWizardViewModel;
import dev.lakebench.app.ui.shell.Workbench;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.app.ui.theme.Theme;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.connections.MemoryCredentialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshots: starts the real workbench on demo data (the test fixtures: images, PDFs,
 * text, a video, and a products table with embeddings), walks through every screen, and writes each one in the
 * light and the dark theme as PNG. Run under a virtual display:
 *
 * <pre>xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... dev.lakebench.app.ui.tour.ScreenshotTour docs/screenshots</pre>
 */
public final class ScreenshotTour {

    private final Path out;
    private Workbench workbench;
    private Stage stage;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("lakebench-tour");
        seed(data);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        new ScreenshotTour(out).run(data);
        Platform.exit();
        System.exit(0);
    }

    /** Demo data: files of every kind through the real file ingest, and a products table with embeddings. */
    static void seed(Path data) throws Exception {
        // an image model with a text tower, installed offline: the tiny CLIP-style model the tests generate
        UiFixtures.installTinyClip(data);
        try (Client c = Client.local(data)) {
            // dropped files with real embeddings: pictures by the image model, PDF pages and text by the built-in
            // minilm
            c.ingest(
                    "photos",
                    Map.of("path", List.of(UiFixtures.testData("images-sample").resolve("pillow"))),
                    IngestOptions.defaults().schema("path", "FILE").embed("image", UiFixtures.TINY_CLIP));
            Path pdfs = UiFixtures.testData("pdf-sample");
            c.ingest(
                    "manuals",
                    Map.of(
                            "path",
                            List.of(
                                    pdfs.resolve("crazyones.pdf"),
                                    pdfs.resolve("GeoBase_NHNC1_Data_Model_UML_EN.pdf"),
                                    pdfs.resolve("Seige_of_Vicksburg_Sample_OCR.pdf"))),
                    IngestOptions.defaults()
                            .schema("path", "FILE")
                            .index("text")
                            .embed("text"));
            // PDF pages and text files in one table: a search by a page's vector finds text chunks too
            c.ingest(
                    "library",
                    Map.of(
                            "path",
                            List.of(
                                    pdfs.resolve("crazyones.pdf"),
                                    pdfs.resolve("Seige_of_Vicksburg_Sample_OCR.pdf"),
                                    pdfs.resolve("crazyones.txt"),
                                    UiFixtures.testData("text-sample").resolve("debian-faq.en.txt"))),
                    IngestOptions.defaults().schema("path", "FILE").embed("text"));
            c.ingest(
                    "clips",
                    Map.of("path", List.of(demoVideo(data.resolve("lake-walk.mp4")))),
                    IngestOptions.defaults().schema("path", "FILE"));
            c.ingest(
                    "notes",
                    Map.of("path", List.of(UiFixtures.testData("text-sample"))),
                    IngestOptions.defaults().schema("path", "FILE").embed("text"));
            List<Path> images = UiFixtures.sampleImages();
            String[] words = {
                "red", "tulip", "parrot", "portrait", "flower", "garden", "bright", "studio", "macro", "field"
            };
            Random r = new Random(11);
            Map<String, List<?>> cols = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> desc = new ArrayList<>();
            List<byte[]> pics = new ArrayList<>();
            List<float[]> emb = new ArrayList<>();
            List<Double> price = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                Path p = images.get(i % images.size());
                ids.add(String.format("p-%04d", i));
                names.add(p.getFileName().toString().replaceAll("\\..*", "") + " #" + i);
                desc.add(words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)] + " print, "
                        + words[r.nextInt(words.length)] + " edition");
                pics.add(Files.readAllBytes(p));
                float[] v = new float[16];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) (r.nextGaussian() + (i % images.size()) * 0.1 * (d % 3));
                }
                emb.add(v);
                price.add(Math.round((5 + r.nextDouble() * 95) * 100) / 100.0);
            }
            cols.put("id", ids);
            cols.put("name", names);
            cols.put("description", desc);
            cols.put("image", pics);
            cols.put("embedding", emb);
            cols.put("price", price);
            c.ingest(
                    "products",
                    cols,
                    IngestOptions.defaults()
                            .schema("image", "IMAGE")
                            .schema("embedding", "EMBEDDING")
                            .index("embedding", "description"));
            seedDetail(c);
        }
    }

    /** A 25-second H.264 clip (a sun crossing a lake, with a clock) that JavaFX Media can play. */
    static Path demoVideo(Path file) throws Exception {
        int w = 320;
        int h = 240;
        int fps = 15;
        try (org.bytedeco.javacv.FFmpegFrameRecorder rec =
                        new org.bytedeco.javacv.FFmpegFrameRecorder(file.toFile(), w, h, 0);
                org.bytedeco.javacv.Java2DFrameConverter conv = new org.bytedeco.javacv.Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodecName("libopenh264");
            rec.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize(fps);
            rec.setVideoBitrate(400_000);
            rec.start();
            var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < 25 * fps; i++) {
                double t = i / (double) fps;
                var g = img.createGraphics();
                g.setRenderingHint(
                        java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                g.setPaint(new java.awt.GradientPaint(
                        0, 0, new java.awt.Color(120, 170, 230), 0, h / 2f, new java.awt.Color(250, 210, 160)));
                g.fillRect(0, 0, w, h / 2);
                g.setPaint(new java.awt.GradientPaint(
                        0, h / 2f, new java.awt.Color(40, 90, 140), 0, h, new java.awt.Color(10, 40, 70)));
                g.fillRect(0, h / 2, w, h / 2);
                int x = (int) (20 + (w - 60) * t / 25.0);
                g.setColor(new java.awt.Color(255, 200, 60));
                g.fillOval(x, (int) (40 + 30 * Math.sin(t / 4)), 36, 36);
                g.setColor(new java.awt.Color(20, 60, 30));
                g.fillPolygon(new int[] {0, 70, 140, 220, 320, 320, 0}, new int[] {120, 90, 110, 85, 115, 122, 122}, 7);
                g.setColor(java.awt.Color.WHITE);
                g.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.BOLD, 18));
                g.drawString(String.format(java.util.Locale.ROOT, "%05.1f s", t), 10, h - 14);
                g.dispose();
                rec.record(conv.convert(img), org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
        }
        return file;
    }

    private void run(Path data) throws Exception {
        fx(() -> {
            stage = new Stage();
            workbench = FxFixture.start(stage, data, credentialStore());
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        await(
                60,
                () -> workbench
                        .browser()
                        .workspaceNode(workbench.currentWorkspace())
                        .map(n -> n.children().size() >= 5)
                        .orElse(false));
        // browser: expand products to show columns and indexes
        fx(() -> expand("products"));
        await(20, () -> !node("products").children().isEmpty());
        pause(400);
        both("01-workspace-browser", this::main);

        // SQL editor with a hybrid query and results with pictures
        AtomicReference<SqlEditorViewModel> editor = new AtomicReference<>();
        fx(() -> editor.set(workbench.openEditor(
                workbench.currentWorkspace(),
                "-- products whose picture is like the selected one\nSELECT id, name, image, price, embedding\nFROM products\nWHERE price < $1\nORDER BY price\nLIMIT 200",
                false)));
        fx(() -> editor.get().parameterCount(1));
        fx(() -> editor.get().parameters().get(0).set(dev.lakebench.app.ui.sql.ParameterViewModel.Kind.NUMBER, "60"));
        fx(() -> editor.get().run());
        await(30, () -> !editor.get().runningProperty().get());
        pause(1500);
        both("02-sql-editor-results", this::main);

        // a vector search with the query vector from a selected row, and the detail pane
        fx(() -> {
            @SuppressWarnings("unchecked")
            var results = (javafx.scene.control.TableView<dev.lakebench.core.client.Row>)
                    workbench.shell().root().lookup("#results-table");
            results.getSelectionModel().select(3, results.getColumns().get(0));
        });
        await(10, () -> workbench.selectedRow().get() != null);
        fx(() -> {
            editor.get()
                    .load(
                            "SELECT id, name, image, description,\n       (embedding, description)::deeplake_hybrid_record\n"
                                    + "         <#> deeplake_hybrid_record($1, $2, 0.60, 0.40) AS score\nFROM products\nORDER BY score DESC\nLIMIT 20",
                            List.of(
                                    new SqlEditorViewModel.ParameterSpec(
                                            dev.lakebench.app.ui.sql.ParameterViewModel.Kind.ROW_VECTOR, "embedding"),
                                    new SqlEditorViewModel.ParameterSpec(
                                            dev.lakebench.app.ui.sql.ParameterViewModel.Kind.TEXT, "red tulip")));
        });
        fx(() -> editor.get().run());
        await(30, () -> !editor.get().runningProperty().get());
        pause(1500);
        both("03-hybrid-search-parameters", this::main);

        fx(() -> ((javafx.scene.control.TabPane) workbench.shell().root().lookup("#editor-side"))
                .getSelectionModel()
                .select(2));
        pause(500);
        both("04-hybrid-search-form", this::main);
        fx(() -> {
            var side = (javafx.scene.control.TabPane) workbench.shell().root().lookup("#editor-side");
            side.getSelectionModel().select(1);
            ((javafx.scene.control.TextField) side.lookup("#history-search")).setText("products");
        });
        pause(500);
        both("05-query-history", this::main);

        // thumbnail grid of dropped photos with a selection in the detail pane, then find similar by the
        // image model's vectors
        fx(() -> workbench.showGrid(workbench.currentWorkspace(), node("photos").table()));
        await(20, () -> workbench.shell().tabs().getTabs().size() == 2);
        pause(2500);
        fx(() -> selectCell(5));
        pause(2000);
        both("06-thumbnail-grid-detail", this::main);
        fx(() -> ((javafx.scene.control.Button) workbench
                        .shell()
                        .tabs()
                        .getSelectionModel()
                        .getSelectedItem()
                        .getContent()
                        .lookup("#grid-similar"))
                .fire());
        await(20, () -> workbench.shell().tabs().getTabs().size() == 3);
        pause(2500);
        both("07-find-similar", this::main);

        // a PDF page with its text, a video segment
        fx(() ->
                workbench.showGrid(workbench.currentWorkspace(), node("manuals").table()));
        await(20, () -> workbench.shell().tabs().getTabs().size() == 4);
        pause(2500);
        fx(() -> selectCell(0));
        pause(2500);
        both("08-pdf-page-detail", this::main);
        fx(() -> workbench.showGrid(workbench.currentWorkspace(), node("clips").table()));
        await(20, () -> workbench.shell().tabs().getTabs().size() == 5);
        pause(2500);
        fx(() -> selectCell(1));
        pause(2500);
        fx(() -> {
            var play = (javafx.scene.control.Button) workbench.shell().root().lookup("#detail-play");
            if (play != null && play.isVisible()) {
                play.fire();
            }
        });
        pause(3500);
        both("09-video-segment-detail", this::main);
        detailSteps();

        // the ingestion wizard, step by step
        AtomicReference<IngestWizardViewModel> wizard = new AtomicReference<>();
        Path drop = Files.createTempDirectory("lakebench-drop");
        UiFixtures.generatedImages(drop.resolve("holiday"), 600, 640, 480);
        Files.writeString(drop.resolve("trip-notes.md"), "# Trip\n" + "We walked along the lake. ".repeat(400));
        Files.writeString(drop.resolve("empty.txt"), "");
        fx(() -> wizard.set(workbench.dropFiles(List.of(
                drop, UiFixtures.testData("pdf-sample").resolve("crazyones.pdf"), drop.resolve("missing.mov")))));
        await(30, () -> wizard.get().canAdvance());
        pause(600);
        both("10-ingest-what-was-dropped", this::wizardWindow);
        fx(() -> wizard.get().next());
        pause(500);
        both("11-ingest-target", this::wizardWindow);
        fx(() -> wizard.get().modeProperty().set(IngestWizardViewModel.Mode.APPEND));
        fx(() -> wizard.get().appendTableProperty().set("photos"));
        await(20, () -> wizard.get().compatibilityProperty().get() != null);
        pause(500);
        both("12-ingest-append-compatibility", this::wizardWindow);
        fx(() -> {
            wizard.get().modeProperty().set(IngestWizardViewModel.Mode.NEW);
            wizard.get().newNameProperty().set("holiday");
        });
        fx(() -> wizard.get().next());
        fx(() -> wizard.get().indexColumns().add("text"));
        pause(400);
        both("13-ingest-options", this::wizardWindow);
        fx(() -> wizard.get().next()); // the embeddings step (shot in the wizard block below); Start ingest
        fx(() -> wizard.get().next());
        await(
                60,
                () -> wizard.get().runProperty().get() != null
                        && wizard.get().runProperty().get().progressProperty().get() != null
                        && wizard.get()
                                        .runProperty()
                                        .get()
                                        .progressProperty()
                                        .get()
                                        .filesDone()
                                > 30);
        both("14-ingest-running", this::wizardWindow);
        both("15-status-bar-tasks", this::main);
        await(600, () -> wizard.get().stepProperty().get() == IngestWizardViewModel.Step.SUMMARY);
        pause(600);
        both("16-ingest-summary", this::wizardWindow);
        fx(() -> wizard.get().runProperty().get());
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });

        // the error surface and its details
        fx(
                () -> workbench
                        .errors()
                        .show(
                                ErrorReport.of(
                                        "Run query",
                                        new dev.lakebench.core.client.QueryError(
                                                dev.lakebench.core.client.ErrorCode.QUERY_INVALID,
                                                "Column \"embeding\" does not exist in table \"products\"",
                                                "Did you mean \"embedding\"? Columns: id, name, description, image, embedding, price"))));
        pause(400);
        both("17-error-surface", this::main);
        fx(() -> ((javafx.scene.control.Button) workbench.shell().root().lookup("#error-details")).fire());
        pause(600);
        both("18-error-details", this::dialog);
        closeDialogs();
        fx(() -> workbench.errors().dismissAll());

        // dialogs: managed connection, create index, shortcuts; the drop overlay
        fx(() -> Platform.runLater(() -> workbench.editConnection(null)));
        pause(800);
        both("19-managed-connection", this::dialog);
        closeDialogs();
        fx(() -> ((javafx.scene.control.Button) workbench.shell().root().lookup("#tb-shortcuts")).fire());
        pause(600);
        both("20-keyboard-shortcuts", this::dialog);
        closeDialogs();
        fx(() -> workbench.shell().showDropHint(true));
        pause(300);
        both("21-drop-anywhere", this::main);
        fx(() -> workbench.shell().showDropHint(false));

        // ---- 22-24: the wizard's editable drop list, its embeddings step, the settings dialog ----
        Path notes = Files.createTempDirectory("lakebench-list").resolve("Field notes");
        for (int d = 0; d < 12; d++) {
            Path day = Files.createDirectories(notes.resolve(String.format("day%02d", d)));
            for (int i = 0; i < 40; i++) {
                Files.writeString(
                        day.resolve(String.format("note%02d.%s", i, i % 5 == 0 ? "log" : "md")),
                        "# Day " + d + "\nWe walked along the lake and counted " + i + " boats.");
            }
        }
        UiFixtures.generatedImages(notes.resolve("sketches"), 30, 320, 240);
        AtomicReference<IngestWizardViewModel> list = new AtomicReference<>();
        fx(() -> list.set(workbench.dropFiles(List.of(notes))));
        await(30, () -> list.get().canAdvance());
        fx(() -> list.get().drops().excludesProperty().set("*.log"));
        pause(600);
        both("22-ingest-drop-list", this::wizardWindow);
        fx(() -> list.get().next());
        fx(() -> list.get().next());
        fx(() -> list.get().next());
        pause(500);
        both("23-ingest-embeddings", this::wizardWindow);
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });
        fx(() -> Platform.runLater(workbench::showSettings));
        pause(800);
        both("24-settings-allow-files", this::dialog);
        closeDialogs();
        fx(() -> Platform.runLater(() -> workbench.editConnection(null)));
        pause(800);
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null
                        && w.getScene().getRoot().lookup("#conn-kind")
                                instanceof javafx.scene.control.ChoiceBox<?> kind) {
                    @SuppressWarnings("unchecked")
                    var k = (javafx.scene.control.ChoiceBox<String>) kind;
                    k.setValue("PostgreSQL");
                    ((javafx.scene.control.TextField) w.getScene().getRoot().lookup("#pg-url"))
                            .setText("jdbc:postgresql://localhost:5432/lake?user=analyst");
                }
            }
        });
        pause(400);
        both("25-postgres-connection", this::dialog);
        closeDialogs();
        // ---- 34-38: the editor's error underline, folded panes at 1024x700, index build state, search by meaning,
        // models ----
        editorSteps();
        searchesOnDroppedFiles();
        fx(() -> workbench.close());
    }

    // ---- 30-33: the detail pane's zoom, highlighted search words and COCO overlays ----

    /** A COCO sample (boxes, masks, captions) for the detail pane's overlays. */
    static void seedDetail(Client c) {
        Path coco = UiFixtures.testData("coco-detection-captions-sample");
        c.ingest(
                "coco",
                new dev.lakebench.core.ingest.formats.Coco(coco.resolve("val2017"), coco.resolve("annotations")),
                IngestOptions.defaults());
    }

    private void detailSteps() throws Exception {
        showFirstRow(
                "SELECT id, page_index, image, text, text <#> 'crazy ones' AS score\nFROM manuals\nORDER BY score DESC\nLIMIT 10");
        both("31-highlighted-search-words", this::main);
        for (int i = 0; i < 3; i++) {
            fx(() -> ((javafx.scene.control.Button) workbench.shell().root().lookup("#detail-zoom-in")).fire());
        }
        pause(800);
        both("30-pdf-page-zoomed", this::main);
        showFirstRow("SELECT * FROM coco WHERE coco_image_id = 139");
        both("32-coco-overlays", this::main);
        for (int i = 0; i < 4; i++) {
            fx(() -> ((javafx.scene.control.Button) workbench.shell().root().lookup("#detail-zoom-in")).fire());
        }
        pause(800);
        both("33-coco-overlays-zoomed", this::main);
    }

    /** Runs a query in a new editor and shows its first row in the detail pane. */
    private void showFirstRow(String sql) throws Exception {
        AtomicReference<SqlEditorViewModel> ed = new AtomicReference<>();
        fx(() -> ed.set(workbench.openEditor(workbench.currentWorkspace(), sql, true)));
        await(30, () -> !ed.get().runningProperty().get());
        pause(1500);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var results = (javafx.scene.control.TableView<dev.lakebench.core.client.Row>) workbench
                    .shell()
                    .tabs()
                    .getSelectionModel()
                    .getSelectedItem()
                    .getContent()
                    .lookup("#results-table");
            results.getSelectionModel().select(0, results.getColumns().get(0));
        });
        pause(2500);
    }

    /**
     * Search by meaning on dropped PDFs and text (minilm vectors made at ingest), text-to-image on dropped
     * pictures, a multi-selection in the grid, and a result shown as a grid.
     */
    private void searchesOnDroppedFiles() throws Exception {
        fx(() -> {
            while (workbench.shell().tabs().getTabs().size() > 0) {
                workbench.shell().closeCurrent();
            }
        });
        AtomicReference<SqlEditorViewModel> editor = new AtomicReference<>();
        fx(() -> editor.set(workbench.openEditor(
                workbench.currentWorkspace(),
                "-- search by meaning: the pages and notes closest to a question, by the built-in minilm model\n"
                        + "SELECT filename, page_index, text_embedding <#> embed('minilm', 'how did the battle of the siege end') AS score, text\n"
                        + "FROM manuals\nORDER BY score DESC\nLIMIT 20",
                true)));
        await(60, () -> !editor.get().runningProperty().get());
        pause(1500);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var results = (javafx.scene.control.TableView<dev.lakebench.core.client.Row>)
                    workbench.shell().root().lookup("#results-table");
            results.getSelectionModel().select(0, results.getColumns().get(0));
        });
        pause(1500);
        both("26-semantic-search", this::main);

        // text-to-image on the dropped photos: the grid's box embeds the words with the image model's text tower
        fx(() -> workbench.showGrid(workbench.currentWorkspace(), node("photos").table()));
        await(20, () -> workbench.shell().tabs().getTabs().size() == 2);
        await(
                20,
                () -> currentContent().lookup("#grid-text-search") instanceof javafx.scene.control.TextField f
                        && f.isVisible());
        pause(1500);
        fx(() -> {
            var box = (javafx.scene.control.TextField) currentContent().lookup("#grid-text-search");
            box.setText("red");
            box.fireEvent(new javafx.event.ActionEvent());
        });
        await(30, () -> workbench.shell().tabs().getTabs().size() == 3);
        pause(2500);
        both("27-text-to-image", this::main);

        // several tiles selected with Shift and Ctrl
        fx(() -> workbench.shell().tabs().getSelectionModel().select(1));
        pause(800);
        fx(() -> selectCell(2));
        fx(() -> selectCell(6, true, false));
        fx(() -> selectCell(9, false, true));
        pause(1500);
        both("28-grid-multi-select", this::main);

        // a search result shown as a grid, captioned with score and file name
        fx(() -> editor.set(workbench.openEditor(
                workbench.currentWorkspace(),
                "SELECT image_embedding <#> embed('" + UiFixtures.TINY_CLIP
                        + "', 'green') AS score, *\nFROM photos\nORDER BY score DESC\nLIMIT 24",
                true)));
        await(60, () -> !editor.get().runningProperty().get());
        pause(1000);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var results = (javafx.scene.control.TableView<dev.lakebench.core.client.Row>)
                    currentContent().lookup("#results-table");
            results.getContextMenu().getItems().stream()
                    .filter(i -> "result-show-grid".equals(i.getId()))
                    .findFirst()
                    .orElseThrow()
                    .fire();
        });
        await(30, () -> frontTitle().endsWith("as grid"));
        pause(2500);
        both("29-show-as-grid", this::main);

        // find similar from a PDF page of a table that also holds text files: their chunks show their text
        fx(() ->
                workbench.showGrid(workbench.currentWorkspace(), node("library").table()));
        await(20, () -> currentContent().lookup("#grid-similar") != null);
        pause(2000);
        fx(() -> selectCell(0));
        pause(1000);
        fx(() -> ((javafx.scene.control.Button) currentContent().lookup("#grid-similar")).fire());
        await(30, () -> frontTitle().startsWith("Similar to"));
        pause(2500);
        both("39-similar-text-tiles", this::main);
    }

    /** The title of the tab in front. */
    private String frontTitle() {
        return workbench.shell().tabs().getSelectionModel().getSelectedItem().getText();
    }

    private Node currentContent() {
        return workbench.shell().tabs().getSelectionModel().getSelectedItem().getContent();
    }

    // ---- helpers ----

    /** Steps 34-38: the error underline, the folded side panes, index states, search by meaning, the models window. */
    private void editorSteps() throws Exception {
        fx(() -> workbench.openEditor(
                workbench.currentWorkspace(), "SELECT id, name\nFROM products\nWHERE descripton ILIKE '%lamp%'", true));
        await(30, () -> !workbench.errors().shown().isEmpty());
        pause(600);
        both("34-editor-error-underline", this::main);
        fx(() -> workbench.errors().dismissAll());

        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            workbench.browserPane().collapsedProperty().set(true);
            workbench.detailPane().collapsedProperty().set(true);
            workbench.editorSideCollapsed().set(true);
        });
        pause(600);
        both("35-folded-panes-1024", this::main);
        fx(() -> {
            workbench.browserPane().collapsedProperty().set(false);
            workbench.detailPane().collapsedProperty().set(false);
            workbench.editorSideCollapsed().set(false);
            stage.setWidth(1440);
            stage.setHeight(900);
        });

        fx(() -> expand("products"));
        await(
                20,
                () -> node("products").children().stream()
                        .anyMatch(n -> n.kind() == dev.lakebench.app.ui.browser.BrowserNode.Kind.INDEX));
        pause(400);
        both("36-index-build-state", this::main);

        fx(() -> workbench.newEditor(workbench.currentWorkspace()));
        pause(800);
        fx(() -> {
            Node content = workbench
                    .shell()
                    .tabs()
                    .getSelectionModel()
                    .getSelectedItem()
                    .getContent();
            ((javafx.scene.control.TabPane) content.lookup("#editor-side"))
                    .getSelectionModel()
                    .select(2);
        });
        await(20, () -> {
            Node content = workbench
                    .shell()
                    .tabs()
                    .getSelectionModel()
                    .getSelectedItem()
                    .getContent();
            var table = (javafx.scene.control.ComboBox<?>) content.lookup("#hybrid-table");
            return table != null && !table.getItems().isEmpty();
        });
        fx(() -> {
            Node content = workbench
                    .shell()
                    .tabs()
                    .getSelectionModel()
                    .getSelectedItem()
                    .getContent();
            @SuppressWarnings("unchecked")
            var table = (javafx.scene.control.ComboBox<String>) content.lookup("#hybrid-table");
            if (table.getItems().contains("products")) {
                table.setValue("products");
            }
            ((javafx.scene.control.TextField) content.lookup("#meaning-words")).setText("warm light for reading");
        });
        pause(400);
        both("37-search-by-meaning", this::main);

        fx(() -> workbench.showModels());
        pause(1200);
        both("38-models", this::dialog);
        closeDialogs();
    }

    /** The OS store when one runs (in a D-Bus session with a keyring), so the dialogs name it; else memory. */
    private static dev.lakebench.natives.keychain.CredentialStore credentialStore() {
        var os = dev.lakebench.natives.keychain.CredentialStores.best(null);
        return os instanceof dev.lakebench.natives.keychain.EnvironmentStore ? new MemoryCredentialStore() : os;
    }

    private dev.lakebench.app.ui.browser.BrowserNode node(String table) {
        return workbench.browser().workspaceNode(workbench.currentWorkspace()).orElseThrow().children().stream()
                .filter(n -> n.label().equals(table))
                .findFirst()
                .orElseThrow();
    }

    private void expand(String table) {
        var tree = workbench.browserView().node();
        for (var c : tree.getRoot().getChildren()) {
            for (var w : c.getChildren()) {
                for (var t : w.getChildren()) {
                    if (t.getValue().label().equals(table)) {
                        t.setExpanded(true);
                        tree.getSelectionModel().select(t);
                    }
                }
            }
        }
    }

    private void selectCell(int index) {
        selectCell(index, false, false);
    }

    private void selectCell(int index, boolean shift, boolean control) {
        Node grid = workbench
                .shell()
                .tabs()
                .getSelectionModel()
                .getSelectedItem()
                .getContent()
                .lookup("#thumbnail-grid");
        @SuppressWarnings("unchecked")
        var g = (org.controlsfx.control.GridView<String>) grid;
        for (Node n : g.lookupAll(".thumb-cell")) {
            if (n instanceof org.controlsfx.control.GridCell<?> c && c.getIndex() == index) {
                c.fireEvent(new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                        0,
                        0,
                        0,
                        0,
                        javafx.scene.input.MouseButton.PRIMARY,
                        1,
                        shift,
                        control,
                        false,
                        control,
                        true,
                        false,
                        false,
                        false,
                        false,
                        false,
                        null));
            }
        }
    }

    private Scene main() {
        return stage.getScene();
    }

    private Scene wizardWindow() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot().lookup("#ingest-wizard") != null) {
                return w.getScene();
            }
        }
        throw new IllegalStateException("no wizard window");
    }

    private Scene dialog() {
        for (Window w : Window.getWindows()) {
            if (w != stage
                    && w.getScene() != null
                    && w.getScene().getRoot().lookup("#ingest-wizard") == null
                    && w instanceof Stage) {
                return w.getScene();
            }
        }
        throw new IllegalStateException("no dialog window");
    }

    private void closeDialogs() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        });
        pause(300);
    }

    /** Saves the scene in the light and the dark theme. */
    private void both(String name, Supplier<Scene> scene) throws Exception {
        for (Theme t : Theme.values()) {
            fx(() -> workbench.theme().themeProperty().set(t));
            pause(350);
            Path file = out.resolve(name + "-" + t.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            AtomicReference<javafx.scene.image.WritableImage> img = new AtomicReference<>();
            fx(() -> img.set(scene.get().snapshot(null)));
            ImageIO.write(SwingFXUtils.fromFXImage(img.get(), null), "png", file.toFile());
            System.out.println("wrote " + file);
        }
        fx(() -> workbench.theme().themeProperty().set(Theme.LIGHT));
    }

    private static void fx(Runnable r) throws Exception {
        FxSteps.fx(r);
    }

    private static void await(long seconds, java.util.concurrent.Callable<Boolean> c) throws Exception {
        FxSteps.await(seconds, 100, c);
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
