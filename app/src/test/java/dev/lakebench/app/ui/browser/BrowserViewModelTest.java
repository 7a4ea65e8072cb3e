package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.TrackedTask;
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
    private Tasks tasks;
    private BrowserViewModel vm;
    private BrowserNode local;

    @BeforeEach
    void open() {
        UiFixtures.seedImages(dir);
        sessions = new Sessions(r -> null);
        tasks = UiFixtures.directTasks(errors);
        vm = new BrowserViewModel(sessions, tasks, List.of(new ConnectionSpec.Local(dir)));
        local = vm.roots().get(0);
    }

    @AfterEach
    void close() {
        UiFixtures.drain(tasks);
        sessions.close();
    }

    private static void await(TrackedTask t) throws Exception {
        t.finished().get(300, TimeUnit.SECONDS);
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
        await(vm.refresh(local));
        BrowserNode ws = local.children().get(0);
        Process holder = dev.lakebench.core.testing.ChildJvm.start(Holder.class, List.of("-Xmx256m"), dir.toString());
        try {
            var out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("OPEN")) {
                // the child's start-up lines
            }
            assertThat(line).isEqualTo("OPEN");
            await(vm.refresh(ws));
            assertThat(errors).extracting(ErrorReport::code).contains(ErrorCode.WORKSPACE_LOCKED);
            assertThat(ws.children()).extracting(BrowserNode::kind).containsExactly(BrowserNode.Kind.MESSAGE);
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // the other process let go: Refresh (F5) opens the workspace this time
        vm.refreshWorkspace(ws.workspace());
        long until = System.currentTimeMillis() + 300_000;
        while (ws.loadingProperty().get()
                || ws.children().stream().anyMatch(n -> n.kind() == BrowserNode.Kind.MESSAGE)) {
            assertThat(System.currentTimeMillis()).isLessThan(until);
            Thread.sleep(20);
        }
        assertThat(ws.children()).extracting(BrowserNode::label).contains("images");
    }

    @Test
    void connectionsWorkspacesTablesColumnsWithCountsAndTypes() throws Exception {
        await(vm.refresh(local));
        assertThat(local.children()).extracting(BrowserNode::label).containsExactly("default");
        BrowserNode ws = local.children().get(0);
        await(vm.refresh(ws));
        BrowserNode images = ws.children().get(0);
        assertThat(images.label()).isEqualTo("images");
        assertThat(images.detailProperty().get())
                .isEqualTo(UiFixtures.sampleImages().size() + " rows");
        await(vm.refresh(images));
        assertThat(images.children())
                .extracting(n -> n.label() + " " + n.detailProperty().get())
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
        vm.select(images);
        assertThat(vm.currentWorkspaceProperty().get()).isEqualTo(new WorkspaceRef(local.connection(), "default"));
    }

    @Test
    void createWorkspaceValidatesAndShowsTheNewOne() throws Exception {
        assertThat(vm.validateWorkspaceId("ok-id_1")).isNull();
        assertThat(vm.validateWorkspaceId("bad id")).contains("is not valid");
        await(vm.refresh(local));
        await(vm.createWorkspace(local, "robots", "Robot data"));
        long until = System.currentTimeMillis() + 300_000;
        while (local.children().size() < 2 && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertThat(local.children()).extracting(BrowserNode::label).containsExactly("default", "robots");
        assertThat(local.children().get(1).detailProperty().get()).isEqualTo("Robot data");
        await(vm.createWorkspace(local, "robots", null));
        assertThat(errors).singleElement().extracting(ErrorReport::code).isEqualTo(ErrorCode.WORKSPACE_EXISTS);
    }

    /**
     * The details of a table node's index children, read from a copy. With the direct UI executor a table's children
     * are replaced on whichever background thread finished loading them (a build's progress and its end each reload
     * the table), so a read can meet a replacement in progress: it is then read again.
     */
    private static List<String> indexDetails(BrowserNode table) {
        while (true) {
            try {
                return List.copyOf(table.children()).stream()
                        .filter(n -> n.kind() == BrowserNode.Kind.INDEX)
                        .map(n -> n.detailProperty().get())
                        .toList();
            } catch (java.util.ConcurrentModificationException | IndexOutOfBoundsException | NullPointerException e) {
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void createIndexShowsTheIndexUnderTheTable() throws Exception {
        await(vm.refresh(local));
        BrowserNode ws = local.children().get(0);
        await(vm.refresh(ws));
        BrowserNode images = ws.children().get(0);
        await(vm.refresh(images));
        assertThat(BrowserViewModel.indexTypes(
                        images.table().schema().column("embedding").orElseThrow()))
                .startsWith("hnsw");
        await(vm.createIndex(images, "embedding", "hnsw"));
        await(vm.createIndex(images, "caption", "bm25"));
        long until = System.currentTimeMillis() + 300_000;
        List<String> details = indexDetails(images);
        while (!(details.stream().anyMatch(d -> d.contains("on embedding"))
                        && details.stream().anyMatch(d -> d.startsWith("bm25 on caption")))
                && System.currentTimeMillis() < until) {
            Thread.sleep(10);
            details = indexDetails(images);
        }
        assertThat(details)
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
        await(vm.refresh(local));
        BrowserNode ws = local.children().get(0);
        await(vm.refresh(ws));
        BrowserNode points = ws.children().stream()
                .filter(t -> t.label().equals("points"))
                .findFirst()
                .orElseThrow();
        await(vm.refresh(points));

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        points.children().addListener((javafx.collections.ListChangeListener<BrowserNode>) c -> {
            for (BrowserNode k : List.copyOf(points.children())) {
                if (k.kind() == BrowserNode.Kind.INDEX) {
                    seen.add(k.detailProperty().get());
                    k.detailProperty().addListener((o, a, b) -> seen.add(b));
                }
            }
        });
        TrackedTask build = vm.createIndex(points, "embedding", "hnsw");
        build.finished().get(300, TimeUnit.SECONDS);
        long until = System.currentTimeMillis() + 300_000;
        while (!(seen.size() > 0 && seen.get(seen.size() - 1).endsWith("· ready"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(seen).anySatisfy(d -> assertThat(d).matches("hnsw on embedding · building \\d+ %"));
        assertThat(seen.get(seen.size() - 1)).isEqualTo("hnsw on embedding · ready");
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
        await(vm.refresh(local));
        BrowserNode ws = local.children().get(0);
        await(vm.refresh(ws));
        await(vm.dropTable(ws.children().get(0)));
        long until = System.currentTimeMillis() + 300_000;
        while (!ws.children().isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertThat(ws.children()).isEmpty();
        assertThat(sessions.client(ws.workspace()).listTables()).isEmpty();
    }
}
