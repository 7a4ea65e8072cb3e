package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.index.IndexStatus;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserViewModelTest {

    @TempDir
    Path dir;

    private Sessions sessions;
    private final List<ErrorReport> errors = UiFixtures.errors();
    private final UiThread ui = new UiThread(errors);
    private BrowserViewModel vm;
    private BrowserNode local;

    @BeforeEach
    void open() {
        UiFixtures.seedImages(dir);
        sessions = new Sessions(r -> null);
        vm = ui.onUi(() -> new BrowserViewModel(sessions, ui.tasks(), List.of(new ConnectionSpec.Local(dir))));
        local = ui.onUi(() -> vm.roots().get(0));
    }

    @AfterEach
    void close() {
        ui.drain();
        sessions.close();
    }

    /** The labels of a node's children, read on the UI thread. */
    private List<String> labels(BrowserNode node) {
        return ui.onUi(() -> node.children().stream().map(BrowserNode::label).toList());
    }

    /** The node's {@code i}th child, read on the UI thread. */
    private BrowserNode child(BrowserNode node, int i) {
        return ui.onUi(() -> node.children().get(i));
    }

    /** Another process: opens the workspace, says so, and holds it until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (var client = dev.lakebench.core.client.Client.local(Path.of(args[0]))) {
                client.listTables();
                System.out.println("OPEN");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    @Test
    void refreshRetriesAWorkspaceOnceItsLockIsReleased() throws Exception {
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        Process holder = dev.lakebench.core.testing.ChildJvm.start(Holder.class, List.of("-Xmx256m"), dir.toString());
        try {
            var out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("OPEN")) {
                // the child's start-up lines
            }
            assertThat(line).isEqualTo("OPEN");
            ui.run(() -> vm.refresh(ws));
            assertThat(errors).extracting(ErrorReport::code).contains(ErrorCode.WORKSPACE_LOCKED);
            ui.onUi(() ->
                    assertThat(ws.children()).extracting(BrowserNode::kind).containsExactly(BrowserNode.Kind.MESSAGE));
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // the other process let go: Refresh (F5) opens the workspace this time
        ui.onUi(() -> vm.refreshWorkspace(ws.workspace()));
        ui.await(() -> !ws.loadingProperty().get()
                && ws.children().stream().noneMatch(n -> n.kind() == BrowserNode.Kind.MESSAGE));
        assertThat(labels(ws)).contains("images");
    }

    @Test
    void aWorkspaceListedAheadShowsItsTablesAsItIsExpanded() throws Exception {
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        CompletableFuture<?> ahead =
                ui.onUi(() -> vm.prefetch(ws.workspace(), CompletableFuture.completedFuture(null)));
        ahead.get(30, TimeUnit.SECONDS);

        // in the expanding task itself: no background round trip
        List<String> shown = ui.onUi(() -> {
            vm.expand(ws);
            return ws.children().stream().map(BrowserNode::label).toList();
        });

        assertThat(shown).containsExactly("images");
        assertThat(ui.onUi(() -> ws.loadingProperty().get())).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void aRefreshDoesNotShowTablesListedAheadOfAChange() throws Exception {
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        ui.onUi(() -> vm.prefetch(ws.workspace(), CompletableFuture.completedFuture(null)))
                .get(30, TimeUnit.SECONDS);
        sessions.client(ws.workspace()).query("CREATE TABLE notes (id TEXT)");

        ui.run(() -> vm.refresh(ws));

        assertThat(labels(ws)).containsExactlyInAnyOrder("images", "notes");
    }

    @Test
    void connectionsWorkspacesTablesColumnsWithCountsAndTypes() throws Exception {
        ui.run(() -> vm.refresh(local));
        assertThat(labels(local)).containsExactly("default");
        BrowserNode ws = child(local, 0);
        ui.run(() -> vm.refresh(ws));
        BrowserNode images = child(ws, 0);
        assertThat(images.label()).isEqualTo("images");
        assertThat(ui.onUi(() -> images.detailProperty().get()))
                .isEqualTo(UiFixtures.sampleImages().size() + " rows");
        ui.run(() -> vm.refresh(images));
        assertThat(ui.onUi(() -> images.children().stream()
                        .map(n -> n.label() + " " + n.detailProperty().get())
                        .toList()))
                .containsExactly(
                        "id TEXT",
                        "filename TEXT",
                        "image IMAGE",
                        "caption TEXT",
                        "embedding EMBEDDING[8]",
                        "score FLOAT64");
        assertThat(BrowserViewModel.indexableColumns(images.table()))
                .extracting(c -> c.name())
                .containsExactly("id", "filename", "caption", "embedding", "score");
        ui.onUi(() -> vm.select(images));
        assertThat(ui.onUi(() -> vm.currentWorkspaceProperty().get()))
                .isEqualTo(new WorkspaceRef(local.connection(), "default"));
    }

    @Test
    void createWorkspaceValidatesAndShowsTheNewOne() throws Exception {
        assertThat(vm.validateWorkspaceId("ok-id_1")).isNull();
        assertThat(vm.validateWorkspaceId("bad id")).contains("is not valid");
        ui.run(() -> vm.refresh(local));
        ui.run(() -> vm.createWorkspace(local, "robots", "Robot data"));
        ui.await(() -> local.children().size() >= 2);
        assertThat(labels(local)).containsExactly("default", "robots");
        assertThat(ui.onUi(() -> local.children().get(1).detailProperty().get()))
                .isEqualTo("Robot data");
        ui.run(() -> vm.createWorkspace(local, "robots", null));
        assertThat(errors).singleElement().extracting(ErrorReport::code).isEqualTo(ErrorCode.WORKSPACE_EXISTS);
    }

    /** The details of a table node's index children, read on the UI thread. */
    private List<String> indexDetails(BrowserNode table) {
        return ui.onUi(() -> table.children().stream()
                .filter(n -> n.kind() == BrowserNode.Kind.INDEX)
                .map(n -> n.detailProperty().get())
                .toList());
    }

    @Test
    void createIndexShowsTheIndexUnderTheTable() throws Exception {
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        ui.run(() -> vm.refresh(ws));
        BrowserNode images = child(ws, 0);
        ui.run(() -> vm.refresh(images));
        assertThat(BrowserViewModel.indexTypes(ui.onUi(
                        () -> images.table().schema().column("embedding").orElseThrow())))
                .startsWith("hnsw");
        ui.run(() -> vm.createIndex(images, "embedding", "hnsw"));
        ui.run(() -> vm.createIndex(images, "caption", "bm25"));
        ui.await(() -> {
            List<String> details = indexDetails(images);
            return details.stream().anyMatch(d -> d.contains("on embedding"))
                    && details.stream().anyMatch(d -> d.startsWith("bm25 on caption"));
        });
        assertThat(indexDetails(images))
                .anySatisfy(d -> assertThat(d).contains("on embedding"))
                .anySatisfy(d -> assertThat(d).startsWith("bm25 on caption"));
        assertThat(errors).isEmpty();
    }

    @Test
    void theCreateIndexDialogProposesEachColumnsNaturalIndexAndNeverId() {
        Column id = Column.of("id", ColumnType.TEXT);
        Column file = Column.of("filename", ColumnType.TEXT);
        Column text = Column.of("text", ColumnType.TEXT);
        Column vec = Column.vector("embedding", ColumnType.EMBEDDING, 8);
        Column n = Column.of("page", ColumnType.INT64);
        TableInfo all = new TableInfo("docs", new TableSchema(List.of(id, file, text, vec, n)), 10, List.of());
        assertThat(BrowserViewModel.naturalColumn(all)).contains(vec);
        assertThat(BrowserViewModel.indexTypes(vec)).startsWith("hnsw");

        // once the vector is indexed, the prose column with BM25
        TableInfo vecIndexed = new TableInfo(
                "docs",
                all.schema(),
                10,
                List.of(new IndexInfo("docs_embedding_idx", "docs", "embedding", "hnsw", true)));
        assertThat(BrowserViewModel.naturalColumn(vecIndexed)).contains(text);
        assertThat(BrowserViewModel.indexTypes(text)).startsWith("bm25");

        // keys are looked up whole: exact_text first; id is never the default, even when it is all there is
        TableInfo keys = new TableInfo("files", new TableSchema(List.of(id, file)), 10, List.of());
        assertThat(BrowserViewModel.naturalColumn(keys)).contains(file);
        assertThat(BrowserViewModel.indexTypes(file)).startsWith("exact_text");
        assertThat(BrowserViewModel.indexTypes(id)).startsWith("exact_text");
        assertThat(BrowserViewModel.naturalColumn(new TableInfo("ids", new TableSchema(List.of(id)), 1, List.of())))
                .isEmpty();
        assertThat(BrowserViewModel.naturalColumn(new TableInfo("nums", new TableSchema(List.of(id, n)), 1, List.of())))
                .contains(n);
    }

    @Test
    void anIndexShowsItsBuildStateFromBuildingToReady() throws Exception {
        int rows = 5_000;
        java.util.Random r = new java.util.Random(3);
        List<String> keys = new java.util.ArrayList<>();
        List<float[]> vectors = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            keys.add("k" + i);
            float[] v = new float[8];
            for (int d = 0; d < 8; d++) {
                v[d] = (float) r.nextGaussian();
            }
            vectors.add(v);
        }
        java.util.Map<String, List<?>> cols = new java.util.LinkedHashMap<>();
        cols.put("id", keys);
        cols.put("embedding", vectors);
        sessions.client(new WorkspaceRef(local.connection(), "default"))
                .ingest(
                        "points",
                        cols,
                        dev.lakebench.core.client.IngestOptions.defaults().schema("embedding", "EMBEDDING"));
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        ui.run(() -> vm.refresh(ws));
        BrowserNode points = ui.onUi(() -> ws.children().stream()
                .filter(t -> t.label().equals("points"))
                .findFirst()
                .orElseThrow());
        ui.run(() -> vm.refresh(points));

        // the listeners run on the UI thread, where the test reads what they saw
        List<String> seen = new java.util.ArrayList<>();
        ui.onUi(() -> points.children().addListener((javafx.collections.ListChangeListener<BrowserNode>) c -> {
            for (BrowserNode k : points.children()) {
                if (k.kind() == BrowserNode.Kind.INDEX) {
                    seen.add(k.detailProperty().get());
                    k.detailProperty().addListener((o, a, b) -> seen.add(b));
                }
            }
        }));
        ui.run(() -> vm.createIndex(points, "embedding", "hnsw"));
        ui.await(() -> !seen.isEmpty() && seen.get(seen.size() - 1).endsWith("· ready"));
        ui.onUi(() -> assertThat(seen).anySatisfy(d -> assertThat(d).matches("hnsw on embedding · building \\d+ %")));
        ui.onUi(() -> assertThat(seen.get(seen.size() - 1)).isEqualTo("hnsw on embedding · ready"));
        assertThat(errors).isEmpty();
    }

    @Test
    void aFailedBuildShowsWhy() {
        IndexState failed =
                IndexState.of(new IndexStatus(IndexStatus.State.FAILED, 0.4, -1, "No space left on device"));
        assertThat(failed.label()).isEqualTo("failed: No space left on device");
        assertThat(failed.busy()).isFalse();
        assertThat(IndexState.of(new IndexStatus(IndexStatus.State.BUILDING, 0.426, -1, null))
                        .label())
                .isEqualTo("building 42 %");
        assertThat(IndexState.of(new IndexStatus(IndexStatus.State.CATCHING_UP, 1, 3, null))
                        .busy())
                .isTrue();
    }

    @Test
    void dropRemovesTheTableAndRefreshes() throws Exception {
        ui.run(() -> vm.refresh(local));
        BrowserNode ws = child(local, 0);
        ui.run(() -> vm.refresh(ws));
        ui.run(() -> vm.dropTable(ws.children().get(0)));
        ui.await(() -> ws.children().isEmpty());
        assertThat(sessions.client(ws.workspace()).listTables()).isEmpty();
    }
}
