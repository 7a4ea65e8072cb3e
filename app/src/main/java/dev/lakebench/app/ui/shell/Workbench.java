package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.browser.BrowserActions;
import dev.lakebench.app.ui.browser.BrowserNode;
import dev.lakebench.app.ui.browser.BrowserView;
import dev.lakebench.app.ui.browser.BrowserViewModel;
import dev.lakebench.app.ui.browser.ConnectionDialog;
import dev.lakebench.app.ui.browser.ConnectionsViewModel;
import dev.lakebench.app.ui.common.AllowedFiles;
import dev.lakebench.app.ui.common.AppIcons;
import dev.lakebench.app.ui.common.CellImages;
import dev.lakebench.app.ui.common.CollapsibleSplit;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.ErrorReport;
import dev.lakebench.app.ui.common.ErrorSurface;
import dev.lakebench.app.ui.common.FirstFrame;
import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.common.InstalledModels;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.Settings;
import dev.lakebench.app.ui.common.TaskCenter;
import dev.lakebench.app.ui.common.Tasks;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.app.ui.detail.DetailView;
import dev.lakebench.app.ui.detail.DetailViewModel;
import dev.lakebench.app.ui.grid.GridSource;
import dev.lakebench.app.ui.grid.ThumbnailCache;
import dev.lakebench.app.ui.grid.ThumbnailGridView;
import dev.lakebench.app.ui.grid.ThumbnailGridViewModel;
import dev.lakebench.app.ui.ingest.IngestChooser;
import dev.lakebench.app.ui.ingest.IngestMenuButton;
import dev.lakebench.app.ui.ingest.IngestRunViewModel;
import dev.lakebench.app.ui.ingest.IngestWizard;
import dev.lakebench.app.ui.ingest.IngestWizardViewModel;
import dev.lakebench.app.ui.models.ModelsDialog;
import dev.lakebench.app.ui.models.ModelsViewModel;
import dev.lakebench.app.ui.sql.HybridSearch;
import dev.lakebench.app.ui.sql.QueryHistory;
import dev.lakebench.app.ui.sql.ResultRowEvent;
import dev.lakebench.app.ui.sql.ResultViewModel;
import dev.lakebench.app.ui.sql.SqlEditorView;
import dev.lakebench.app.ui.sql.SqlEditorViewModel;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Icons.Icon;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.app.ui.theme.Theme;
import dev.lakebench.app.ui.theme.ThemeSwitcher;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.connections.ManagedConnections;
import dev.lakebench.core.hub.HubClient;
import dev.lakebench.core.store.DataDirectory;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The workbench's composition root: creates the shared services (sessions, tasks, error surface, theme,
 * settings, history), the view models and views of every feature, and wires them into the shell. Also the
 * shell's answer to what the browser asks for (open, query, grid, ingest).
 */
public final class Workbench implements BrowserActions {

    /** Memory for decoded thumbnails per grid tab. */
    private static final long GRID_CACHE_BYTES = 96L << 20;

    private final Path dataRoot;
    private final Threads threads;
    private final Executor io;
    private final Settings settings;
    private final Sessions sessions;
    private final AllowedFiles allowedFiles;
    private final TaskCenter center = new TaskCenter();
    private final ErrorSurface errors = new ErrorSurface();
    private final Tasks tasks;
    private final ThemeSwitcher theme;
    private final QueryHistory history;
    private final ObjectProperty<SelectedRow> selectedRow = new SimpleObjectProperty<>();
    private final CellImages cellImages;
    private final BrowserViewModel browserVm;
    private final BrowserView browserView;
    private final ConnectionsViewModel connections;
    private final DetailViewModel detailVm;
    private final StatusBar status;
    private final ShellView shell;
    private final WindowState windowState;
    private final Shortcuts shortcuts = new Shortcuts();
    private final WorkspaceRef defaultWorkspace;
    private final TabRows tabRows;
    private final CollapsibleSplit browserPane;
    private final CollapsibleSplit detailPane;
    private final BooleanProperty editorSideCollapsed = new SimpleBooleanProperty();
    private final OpenTabs openTabs;
    private final InstalledModels installedModels;
    private ModelsViewModel modelsVm;
    private ModelsDialog modelsDialog;
    private Stage stage;
    private IngestChooser chooser = IngestChooser.system();
    private List<Runnable> onReady = new ArrayList<>();
    /** Whether the saved workspace's tables have been listed (the ready actions ran). */
    private boolean listed;
    /** How long after the first frame the saved editors wait for a slow workspace's tables. */
    static final Duration REOPEN_WAIT = Duration.seconds(1.5);

    private int editors;

    /** Builds the workbench on a data directory; {@code settings} were read off the FX thread. */
    public Workbench(Path dataRoot, Settings settings, Threads threads) {
        this(dataRoot, settings, threads, () -> ManagedConnections.system(dataRoot), null);
    }

    /**
     * With the saved workspace's client being opened already ({@code opening}, started before the window): the
     * browser lists that workspace as soon as it is open, and the window does not wait for it.
     */
    public Workbench(Path dataRoot, Settings settings, Threads threads, CompletableFuture<Client> opening) {
        this(dataRoot, settings, threads, () -> ManagedConnections.system(dataRoot), opening);
    }

    /** With the saved managed connections (and their token store) given, e.g. by tests. */
    public Workbench(Path dataRoot, Settings settings, Threads threads, Supplier<ManagedConnections> managed) {
        this(dataRoot, settings, threads, managed, null);
    }

    /** With managed connections given and the saved workspace being opened already (null: opened on first use). */
    public Workbench(
            Path dataRoot,
            Settings settings,
            Threads threads,
            Supplier<ManagedConnections> managed,
            CompletableFuture<Client> opening) {
        this.dataRoot = dataRoot;
        this.settings = settings;
        this.threads = threads;
        this.io = threads.io();
        this.cellImages = new CellImages(48, threads);
        this.sessions = new Sessions(this::openRemote);
        this.allowedFiles = new AllowedFiles(settings);
        sessions.allowFiles(allowedFiles::folders);
        this.tasks = new Tasks(threads, center, errors);
        this.installedModels = new InstalledModels(dataRoot, tasks);
        this.theme = new ThemeSwitcher(Theme.named(settings.text("theme", Theme.LIGHT.name())));
        theme.themeProperty().addListener((o, a, t) -> {
            settings.put("theme", t.name());
            settings.saveAsync(io);
        });
        Path own = dataRoot.resolve("workbench");
        this.history = new QueryHistory(own.resolve("history.jsonl"), io, threads.ui());
        history.load();
        ConnectionSpec local = new ConnectionSpec.Local(dataRoot);
        this.defaultWorkspace = new WorkspaceRef(local, settings.text("workspace", DataDirectory.DEFAULT_WORKSPACE));
        if (opening != null) {
            sessions.adopt(defaultWorkspace, opening);
        }
        this.browserVm = new BrowserViewModel(sessions, tasks, List.of(local));
        if (opening != null) {
            browserVm.prefetch(defaultWorkspace, opening);
        }
        this.browserView = new BrowserView(browserVm, this);
        this.connections = new ConnectionsViewModel(managed, sessions, tasks, browserVm);
        connections.postgres(ConnectionsViewModel.postgresIn(dataRoot, connections::vault));
        connections.load();
        this.detailVm = new DetailViewModel(sessions, tasks, own.resolve("scratch"));
        DetailView detail = new DetailView(detailVm, threads);
        selectedRow.addListener((o, a, row) -> {
            if (row != null) {
                detailVm.show(row);
            }
        });
        this.status = new StatusBar(center);
        this.shell = new ShellView(browserView.pane(), errors.node(), detail.node(), status.node());
        this.tabRows = new TabRows(shell.tabs(), selectedRow, detailVm, shell::of);
        this.windowState = new WindowState(settings, io);
        windowState.split(shell.mainSplit(), "split.main", 0.22);
        windowState.split(shell.centreSplit(), "split.centre", 0.74);
        this.browserPane = windowState.collapsible(shell.mainSplit(), "split.main", 0, true);
        this.detailPane = windowState.collapsible(shell.centreSplit(), "split.centre", 0, false);
        editorSideCollapsed.set(settings.flag("split.editor.collapsed", false));
        editorSideCollapsed.addListener((o, a, b) -> {
            settings.put("split.editor.collapsed", b);
            windowState.changed();
        });
        this.openTabs = new OpenTabs(settings, windowState, shell);
        browserVm.currentWorkspaceProperty().addListener((o, a, ws) -> {
            if (ws != null) {
                status.workspace(ws.label());
                settings.put("workspace", ws.workspaceId());
            }
        });
        status.workspace(defaultWorkspace.label());
        buildToolbar();
        buildShortcuts();
        buildDetailActions();
        openDefaultWorkspace();
    }

    /** Shows the workbench in a stage. */
    public void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(shell.root());
        theme.apply(scene);
        shortcuts.install(scene);
        installDrop(scene);
        stage.setTitle("Lakebench");
        // the window system gets the icon once the window is up, decoded then: decoded and handed over before the
        // first frame, it took the frame about 20 ms on 2 cores, and right after it the FX thread as long
        Runnable giveIcon = () -> AppIcons.decode(threads.decode())
                .thenAcceptAsync(i -> stage.getIcons().setAll(i), threads.ui());
        stage.setScene(scene);
        windowState.restore(stage);
        windowState.track(stage);
        stage.show();
        List<OpenTabs.Saved> saved = openTabs.saved();
        if (saved.isEmpty()) {
            openTabs.track();
            FirstFrame.after(stage, () -> afterAPulse(giveIcon));
        } else {
            // the editors open after the window's first frame, so that a restart with editors open shows the window
            // as soon as one without (each editor built before it cost the first frame about as much as the window)
            shell.placeholder(
                    "Reopening " + (saved.size() == 1 ? "the SQL editor" : saved.size() + " SQL editors") + "\u2026");
            FirstFrame.after(stage, () -> reopenWhenListed(saved, giveIcon));
        }
    }

    /**
     * Reopens the saved editors once the saved workspace is listed, or {@link #REOPEN_WAIT} after the first frame
     * when it is slow to open. The editor in front takes the FX thread about half a second to build on a cold JVM:
     * built first, it held the workspace's tables back as long.
     */
    private void reopenWhenListed(List<OpenTabs.Saved> saved, Runnable then) {
        boolean[] done = new boolean[1];
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                if (stage.isShowing()) { // not for a window closed meanwhile: its saved editors stay saved
                    reopen(saved, then);
                }
            }
        };
        if (listed) {
            afterAPulse(once);
            return;
        }
        onReady(() -> afterAPulse(once));
        PauseTransition wait = new PauseTransition(REOPEN_WAIT);
        wait.setOnFinished(e -> once.run());
        wait.play();
    }

    /**
     * The editors open at the last close, in their order, the last one in front. Only that one's view is built now,
     * the others' when they are first shown; it is opened first and the others put before it, so that the tab pane
     * never brings another one to the front on the way.
     */
    private void reopen(List<OpenTabs.Saved> saved, Runnable then) {
        List<SqlTab> reopened = new ArrayList<>();
        for (OpenTabs.Saved t : saved) {
            WorkspaceRef ws = restoredWorkspace(t);
            reopened.add(editorTab(ws, editorModel(ws, t.sql())));
        }
        SqlTab front = reopened.getLast();
        // on a cold JVM building the editor in front, styling it and showing it take the FX thread 50-100 ms each:
        // one task each, so that input waits for one of them at most
        inSteps(List.of(front::prepare, () -> shell.styleAhead(front.content()), () -> show(reopened), then));
    }

    /** Runs each step in a task of its own after a pulse (see {@link #afterAPulse}), while the window is open. */
    private void inSteps(List<Runnable> steps) {
        if (steps.isEmpty()) {
            return;
        }
        afterAPulse(() -> {
            if (stage.isShowing()) {
                steps.getFirst().run();
                inSteps(steps.subList(1, steps.size()));
            }
        });
    }

    /**
     * Runs {@code r} on the FX thread after the next pulse and after what was posted to the FX thread meanwhile
     * (input, other tasks). Why: the reopen's two long steps ran straight after the pulse before them, so an event
     * posted during that pulse waited for both (the longest wait after a restart with three editors: about 185 ms,
     * 135 ms since).
     */
    private void afterAPulse(Runnable r) {
        // the second hop queues r behind what was posted while the pulse painted
        FirstFrame.after(stage, () -> threads.ui().execute(() -> threads.ui().execute(r)));
        Platform.requestNextPulse();
    }

    private void show(List<SqlTab> reopened) {
        SqlTab front = reopened.getLast();
        shell.open(front);
        for (int i = 0; i < reopened.size() - 1; i++) {
            shell.insert(i, reopened.get(i));
        }
        shell.placeholder(null);
        openTabs.track();
        front.focusContent();
    }

    /**
     * Leaves SQL editors on the local default workspace in {@code settings}, to be reopened at the next start (the
     * build's training run starts the window with one, so that the AOT cache holds what building an editor loads).
     */
    public static void leaveEditors(Settings settings, Path dataRoot, List<String> sqls) {
        String local = new ConnectionSpec.Local(dataRoot).id();
        List<OpenTabs.Saved> editors = new ArrayList<>();
        for (String sql : sqls) {
            editors.add(new OpenTabs.Saved(local, DataDirectory.DEFAULT_WORKSPACE, sql));
        }
        OpenTabs.put(settings, editors);
    }

    /** Runs once the default workspace's tables are listed (the window is usable). */
    public void onReady(Runnable r) {
        onReady.add(r);
    }

    private void openDefaultWorkspace() {
        BrowserNode connection = browserVm.roots().get(0);
        connection.children().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends BrowserNode> c) {
                connection.children().removeListener(this);
                WorkspaceRef target = connection.children().stream()
                        .map(BrowserNode::workspace)
                        .filter(defaultWorkspace::equals)
                        .findFirst()
                        .orElse(new WorkspaceRef(connection.connection(), DataDirectory.DEFAULT_WORKSPACE));
                browserVm
                        .workspaceNode(target)
                        .ifPresent(ws -> ws.loadingProperty().addListener((o, was, is) -> {
                            if (was && !is) {
                                listed = true;
                                List<Runnable> ready = onReady;
                                onReady = new ArrayList<>();
                                ready.forEach(Runnable::run);
                            }
                        }));
                browserView.expandWorkspace(target);
            }
        });
    }

    private void buildToolbar() {
        Button run = ShellView.toolButton(
                "tb-run",
                "Run",
                Icon.PLAY,
                "Run statement (Ctrl+Enter)",
                () -> shell.current().ifPresent(WorkbenchTab::run));
        Button cancel = ShellView.toolButton(
                "tb-cancel",
                "Cancel",
                Icon.STOP,
                "Cancel the running statement (Ctrl+.)",
                () -> shell.current().ifPresent(WorkbenchTab::cancel));
        RunButtons.follow(shell, run, cancel);
        shell.toolbar(
                List.of(
                        List.of(
                                IngestMenuButton.create(
                                        "tb-ingest",
                                        () -> ingestFiles(currentWorkspace()),
                                        () -> ingestFolder(currentWorkspace())),
                                ShellView.toolButton(
                                        "tb-new-sql",
                                        "New SQL",
                                        Icon.SQL,
                                        "New SQL editor (Ctrl+T)",
                                        () -> newEditor(currentWorkspace()))),
                        List.of(run, cancel),
                        List.of(ShellView.toolButton(
                                "tb-refresh",
                                "Refresh",
                                Icon.REFRESH,
                                "Refresh the workspace (F5)",
                                this::refreshCurrent))),
                List.of(
                        ShellView.toolButton(
                                "tb-models",
                                "Models",
                                Icon.MODEL,
                                "Embedding models: installed ones, pull from the Hub, remove",
                                this::showModels),
                        ShellView.toolButton(
                                "tb-connect",
                                "Connect",
                                Icon.CLOUD,
                                "Add a managed or PostgreSQL connection",
                                () -> editConnection(null)),
                        ShellView.toolButton(
                                "tb-settings",
                                "Settings",
                                Icon.FILE,
                                "Settings: folders SQL may read",
                                this::showSettings),
                        paneToggle(
                                "tb-pane-browser",
                                Icon.PANE_LEFT,
                                "Show or hide the workspace browser (Ctrl+Shift+B)",
                                browserPane),
                        paneToggle(
                                "tb-pane-detail",
                                Icon.PANE_RIGHT,
                                "Show or hide the detail pane (Ctrl+Shift+D)",
                                detailPane),
                        ShellView.toolButton(
                                "tb-shortcuts", null, Icon.HISTORY, "Keyboard shortcuts (F1)", this::showShortcuts),
                        ShellView.toolButton(
                                "tb-theme", null, Icon.THEME, "Light / dark theme (Ctrl+Shift+L)", theme::toggle)));
    }

    /** "Find similar" on the detail pane's header: the shown row's vector, searched as the grid searches. */
    private void buildDetailActions() {
        Button similar = new Button("Find similar", Icons.of(Icon.SIMILAR));
        similar.setId("detail-similar");
        similar.getStyleClass().add("small");
        HoverTooltip.install(similar, "Search the rows whose vector is closest to this row's");
        similar.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            SelectedRow shown = detailVm.shownProperty().get();
                            return shown == null
                                    || shown.table() == null
                                    || shown.vectorColumns().isEmpty();
                        },
                        detailVm.shownProperty()));
        similar.setOnAction(e -> {
            SelectedRow shown = detailVm.shownProperty().get();
            if (shown != null) {
                findSimilar(shown.workspace(), shown.table(), shown.row());
            }
        });
        shell.detailActions(similar);
    }

    private void buildShortcuts() {
        shortcuts
                .add(
                        "Shortcut+Enter",
                        "Run the statement at the caret or the selection",
                        () -> shell.current().ifPresent(WorkbenchTab::run))
                .add(
                        "Shortcut+Period",
                        "Cancel the running statement",
                        () -> shell.current().ifPresent(WorkbenchTab::cancel))
                .add("Shortcut+T", "New SQL editor", () -> newEditor(currentWorkspace()))
                .add("Shortcut+W", "Close the tab", shell::closeCurrent)
                .add(
                        "Shortcut+F",
                        "Search (history in the editor, filter in the grid)",
                        () -> shell.current().ifPresent(WorkbenchTab::search))
                .add("Shortcut+1", "Focus the workspace browser", shell::focusBrowser)
                .add(
                        "Shortcut+2",
                        "Focus the current tab",
                        () -> shell.current().ifPresent(WorkbenchTab::focusContent))
                .add("Shortcut+I", "Ingest files", () -> ingestFiles(currentWorkspace()))
                .add(
                        "Shortcut+G",
                        "Show the thumbnail grid of the table selected in the browser",
                        this::gridOfSelection)
                .add("F5", "Refresh the workspace", this::refreshCurrent)
                .add("Shortcut+Shift+B", "Show or hide the workspace browser", browserPane::toggle)
                .add("Shortcut+Shift+D", "Show or hide the detail pane", detailPane::toggle)
                .add(
                        "Shortcut+Shift+E",
                        "Show or hide the editor's parameters, history and search",
                        () -> editorSideCollapsed.set(!editorSideCollapsed.get()))
                .add("Shortcut+Shift+L", "Switch light / dark theme", theme::toggle)
                .add("F1", "Show keyboard shortcuts", this::showShortcuts);
    }

    /** The settings dialog (the folders SQL file functions may use). */
    public void showSettings() {
        new SettingsDialog(allowedFiles, io, w -> chooser.folder(w, "Allow SQL to use files in")).show(stage);
    }

    /** A toolbar toggle that is selected while a side pane shows. */
    private static ToggleButton paneToggle(String id, Icon icon, String tooltip, CollapsibleSplit pane) {
        ToggleButton b = new ToggleButton(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.FLAT);
        HoverTooltip.install(b, tooltip);
        b.setFocusTraversable(false);
        bindShown(b, pane.collapsedProperty());
        return b;
    }

    /** Selected while not collapsed, both ways. */
    private static void bindShown(ToggleButton b, BooleanProperty collapsed) {
        b.setSelected(!collapsed.get());
        b.selectedProperty().addListener((o, a, v) -> collapsed.set(!v));
        collapsed.addListener((o, a, v) -> b.setSelected(!v));
    }

    /** The workspace a restored tab was on; the default one when its connection is gone. */
    private WorkspaceRef restoredWorkspace(OpenTabs.Saved t) {
        return browserVm.roots().stream()
                .map(BrowserNode::connection)
                .filter(c -> c != null && c.id().equals(t.connection()))
                .findFirst()
                .map(c -> new WorkspaceRef(c, t.workspace()))
                .orElse(defaultWorkspace);
    }

    private Function<String, String> environment = System::getenv;

    /** Where the Hub client reads HF_ENDPOINT and HF_TOKEN (tests point it at a Hub on loopback). */
    public void environment(Function<String, String> env) {
        this.environment = env;
    }

    /**
     * Opens the models window for the data directory (one window: opened again, it comes to the front). What is
     * pulled or removed there reaches the wizard and the editors through the shared list of installed models.
     */
    public ModelsViewModel showModels() {
        if (modelsDialog == null) {
            modelsVm = new ModelsViewModel(installedModels, tasks, () -> HubClient.fromEnvironment(environment));
            modelsDialog = new ModelsDialog(modelsVm);
        }
        modelsDialog.show(stage);
        return modelsVm;
    }

    /** The embedding models of the data directory, followed by the wizard, the editors and the models window. */
    public InstalledModels installedModels() {
        return installedModels;
    }

    private void showShortcuts() {
        new ShortcutsDialog(shortcuts).show(stage);
    }

    private void gridOfSelection() {
        var item = browserView.node().getSelectionModel().getSelectedItem();
        if (item != null && item.getValue().table() != null) {
            showGrid(item.getValue().workspace(), item.getValue().table());
        }
    }

    /** The name of the table selected in the browser when it belongs to {@code ws}, else null. */
    private String selectedTable(WorkspaceRef ws) {
        var item = browserView.node().getSelectionModel().getSelectedItem();
        BrowserNode n = item == null ? null : item.getValue();
        return n != null && n.table() != null && ws.equals(n.workspace())
                ? n.table().name()
                : null;
    }

    private void refreshCurrent() {
        browserVm.refreshWorkspace(currentWorkspace());
    }

    public WorkspaceRef currentWorkspace() {
        WorkspaceRef ws = browserVm.currentWorkspaceProperty().get();
        return ws != null ? ws : defaultWorkspace;
    }

    // ---- what the browser asks for ----

    @Override
    public void newEditor(WorkspaceRef ws) {
        openEditor(ws, "", false);
    }

    /** Opens a SQL editor with text, optionally running it at once. */
    public SqlEditorViewModel openEditor(WorkspaceRef ws, String sql, boolean run) {
        SqlEditorViewModel vm = editorModel(ws, sql);
        SqlTab tab = editorTab(ws, vm);
        shell.open(tab);
        threads.ui().execute(tab::focusContent);
        if (run) {
            vm.run();
        }
        return vm;
    }

    private SqlEditorViewModel editorModel(WorkspaceRef ws, String sql) {
        SqlEditorViewModel vm = new SqlEditorViewModel(ws, sessions, tasks, history, selectedRow);
        vm.textProperty().set(sql);
        vm.caretProperty().set(sql.length());
        vm.onWrite(() -> browserVm.refreshWorkspace(ws));
        vm.browserTable(() -> selectedTable(ws));
        vm.installedModels(installedModels);
        vm.loadCatalog();
        return vm;
    }

    /** An editor's tab, whose view is built when the tab is first shown. */
    private SqlTab editorTab(WorkspaceRef ws, SqlEditorViewModel vm) {
        String title = "SQL " + (++editors) + " · " + ws.workspaceId();
        return new SqlTab(title, vm, () -> editorView(vm), this::resultAction);
    }

    private SqlEditorView editorView(SqlEditorViewModel vm) {
        SqlEditorView view = new SqlEditorView(vm, cellImages, selectedRow::set);
        windowState.split(view.sideSplit(), "split.editor", 0.66);
        var side = new CollapsibleSplit(
                view.sideSplit(),
                0,
                false,
                view.sideSplit().getDividers().get(0).getPosition());
        side.collapsedProperty().bindBidirectional(editorSideCollapsed);
        bindShown(view.sideToggle(), side.collapsedProperty());
        return view;
    }

    @Override
    public void openTable(WorkspaceRef ws, TableInfo table) {
        String sql = "SELECT * FROM " + HybridSearch.ident(table.name()) + " LIMIT 1000";
        // opening a table again brings its editor to the front (as long as its statement is unchanged)
        for (WorkbenchTab t : shell.openTabs()) {
            if (t instanceof SqlTab open
                    && open.viewModel().workspace().equals(ws)
                    && open.viewModel().textProperty().get().equals(sql)) {
                shell.tabs().getSelectionModel().select(open.tab());
                return;
            }
        }
        openEditor(ws, sql, true);
    }

    @Override
    public void queryTable(WorkspaceRef ws, TableInfo table) {
        String cols = String.join(
                ", ", table.schema().names().stream().map(HybridSearch::ident).toList());
        openEditor(ws, "SELECT " + cols + "\nFROM " + HybridSearch.ident(table.name()) + "\nLIMIT 100", false);
    }

    @Override
    public void showGrid(WorkspaceRef ws, TableInfo table) {
        var source = GridSource.of(ws, table);
        if (source.isEmpty()) {
            errors.show(ErrorReport.of(
                    "Show grid",
                    ErrorCode.COLUMN_NOT_FOUND,
                    GridSource.whyNot(table).orElse("Table \"" + table.name() + "\" cannot be shown as a grid"),
                    "Open the table instead, or ingest images, PDFs or videos"));
            return;
        }
        ThumbnailGridViewModel vm = new ThumbnailGridViewModel(source.get(), sessions, tasks);
        openGrid(vm);
        vm.load();
        vm.detectTextSearch();
    }

    private void resultAction(ResultRowEvent e) {
        WorkspaceRef ws = e.result().workspace();
        if (e.getEventType() == ResultRowEvent.FIND_SIMILAR) {
            findSimilar(ws, e.table(), e.row());
        } else {
            showResultAsGrid(ws, e.table(), e.result());
        }
    }

    /**
     * Finds the rows closest to any row with a vector (a result row, the detail pane's row): the same search as
     * the grid's "Find similar", opened as a grid when the table has pictures, else as a SQL result.
     */
    public void findSimilar(WorkspaceRef ws, String table, Row row) {
        if (table == null) {
            errors.show(ErrorReport.of(
                    "Find similar",
                    ErrorCode.QUERY_INVALID,
                    "This result does not come from a single table, so there is nothing to search",
                    "Query one table (SELECT * FROM t ...) and find similar rows from there"));
            return;
        }
        tasks.create("Describe " + table, ctx -> sessions.client(ws).describeTable(table))
                .untracked()
                .onSuccess(info -> similarIn(ws, info, row))
                .start();
    }

    private void similarIn(WorkspaceRef ws, TableInfo info, Row row) {
        var query = ResultGrids.queryVector(info, row);
        if (query.isEmpty()) {
            errors.show(ErrorReport.of(
                    "Find similar",
                    ErrorCode.COLUMN_NOT_FOUND,
                    "This row has no vector of table \"" + info.name() + "\" to search with",
                    ResultGrids.embeddingColumns(info).isEmpty()
                            ? "Add embeddings to the table (ingest with embeddings, or lakebench embed)"
                            : "Select the " + String.join(" or ", ResultGrids.embeddingColumns(info))
                                    + " column in the query"));
            return;
        }
        String about = ResultGrids.describe(row);
        var source = GridSource.of(ws, info);
        if (source.isPresent()) {
            ThumbnailGridViewModel vm = new ThumbnailGridViewModel(source.get(), sessions, tasks);
            vm.onSimilar(this::openGrid);
            vm.findSimilarTo(query.get().column(), query.get().vector(), about);
        } else {
            openEditor(
                    ws,
                    ResultGrids.similarSql(
                            info, query.get().column(), query.get().vector()),
                    true);
        }
    }

    /** Shows a result's rows as a thumbnail grid of their table, in the result's order, with their scores. */
    public void showResultAsGrid(WorkspaceRef ws, String table, ResultViewModel result) {
        if (table == null) {
            errors.show(ErrorReport.of(
                    "Show as grid",
                    ErrorCode.QUERY_INVALID,
                    "This result does not come from a single table, so its pictures cannot be found",
                    "Query one table (SELECT * FROM t ...) to show its rows as a grid"));
            return;
        }
        List<Row> rows = List.copyOf(result.rows());
        tasks.create("Describe " + table, ctx -> sessions.client(ws).describeTable(table))
                .untracked()
                .onSuccess(info -> {
                    var source = GridSource.of(ws, info);
                    if (source.isEmpty()) {
                        errors.show(ErrorReport.of(
                                "Show as grid",
                                ErrorCode.COLUMN_NOT_FOUND,
                                GridSource.whyNot(info).orElse("Table \"" + table + "\" cannot be shown as a grid"),
                                "Open the table instead, or ingest images, PDFs or videos"));
                        return;
                    }
                    var picked = ResultGrids.picked(source.get(), rows);
                    if (picked.keys().isEmpty()) {
                        errors.show(ErrorReport.of(
                                "Show as grid",
                                ErrorCode.COLUMN_NOT_FOUND,
                                "The result has no " + source.get().keyColumn()
                                        + " column to find its rows' pictures by",
                                "Select " + source.get().keyColumn() + " too (SELECT * does)"));
                        return;
                    }
                    ThumbnailGridViewModel vm = ThumbnailGridViewModel.ofRows(
                            source.get(),
                            sessions,
                            tasks,
                            result.title() + " as grid",
                            picked.keys(),
                            picked.scores(),
                            picked.labels(),
                            picked.snippets());
                    openGrid(vm);
                })
                .start();
    }

    private GridTab openGrid(ThumbnailGridViewModel vm) {
        vm.onSimilar(this::openGrid);
        ThumbnailGridView view = new ThumbnailGridView(vm, sessions, new ThumbnailCache(GRID_CACHE_BYTES), threads);
        GridTab tab = new GridTab(vm, view);
        vm.onSelect(
                key -> { // a grid behind another tab does not take the detail pane
                    if (tab.tab().isSelected()) {
                        tab.showOwnRow(detailVm);
                    }
                });
        shell.open(tab);
        return tab;
    }

    @Override
    public void ingestFiles(WorkspaceRef ws) {
        List<Path> files = chooser.files(stage, "Ingest files into " + ws.label());
        if (!files.isEmpty()) {
            openWizard(ws, files);
        }
    }

    /** Asks for a folder and opens the wizard on it (read recursively). */
    public void ingestFolder(WorkspaceRef ws) {
        Path folder = chooser.folder(stage, "Ingest a folder into " + ws.label());
        if (folder != null) {
            openWizard(ws, List.of(folder));
        }
    }

    /** Replaces the system's file and folder dialogs (tests). */
    public void ingestChooser(IngestChooser c) {
        this.chooser = c;
    }

    /** Files dropped on the window (or chosen): the ingestion wizard opens on the current workspace. */
    public IngestWizardViewModel dropFiles(List<Path> paths) {
        return openWizard(currentWorkspace(), paths);
    }

    private IngestWizardViewModel openWizard(WorkspaceRef ws, List<Path> paths) {
        IngestWizardViewModel vm = new IngestWizardViewModel(ws, sessions, tasks);
        vm.installedModels(installedModels);
        vm.onEnd(run -> {
            browserVm.refreshWorkspace(ws);
            status.message(run.summary());
        });
        IngestWizard wizard = new IngestWizard(vm, stage, (run, grid) -> openIngested(run, grid));
        wizard.onGetModel(this::showModels);
        vm.add(paths);
        wizard.show();
        return vm;
    }

    private void openIngested(IngestRunViewModel run, boolean grid) {
        tasks.create(
                        "Describe " + run.table(),
                        ctx -> sessions.client(run.workspace()).describeTable(run.table()))
                .untracked()
                .onSuccess(info -> {
                    if (grid) {
                        showGrid(run.workspace(), info);
                    } else {
                        openTable(run.workspace(), info);
                    }
                })
                .start();
    }

    private void installDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragEntered(e -> shell.showDropHint(e.getDragboard().hasFiles()));
        scene.setOnDragExited(e -> shell.showDropHint(false));
        scene.setOnDragDropped(e -> {
            shell.showDropHint(false);
            if (e.getDragboard().hasFiles()) {
                dropFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    @Override
    public void editConnection(BrowserNode connection) {
        new ConnectionDialog(connections).show(connection, stage);
    }

    @Override
    public void removeConnection(BrowserNode connection) {
        if (ConnectionDialog.confirmRemove(connection, stage)) {
            connections.remove(connection);
        }
    }

    private Client openRemote(WorkspaceRef ref) {
        return connections.open(ref);
    }

    public ConnectionsViewModel connections() {
        return connections;
    }

    // ---- accessors for tests and the launcher ----

    public ShellView shell() {
        return shell;
    }

    public BrowserViewModel browser() {
        return browserVm;
    }

    public BrowserView browserView() {
        return browserView;
    }

    public ErrorSurface errors() {
        return errors;
    }

    public TaskCenter tasks() {
        return center;
    }

    /** The workspace browser's and the detail pane's fold state (toolbar toggles, shortcuts, divider double-click). */
    public CollapsibleSplit browserPane() {
        return browserPane;
    }

    public CollapsibleSplit detailPane() {
        return detailPane;
    }

    /** Whether the editors' side panels (parameters, history, search) are folded away; shared by every editor. */
    public BooleanProperty editorSideCollapsed() {
        return editorSideCollapsed;
    }

    public ThemeSwitcher theme() {
        return theme;
    }

    public ObjectProperty<SelectedRow> selectedRow() {
        return selectedRow;
    }

    public DetailViewModel detail() {
        return detailVm;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** Stops background work and closes every workspace; settings are written before the I/O thread ends. */
    public void close() {
        center.cancelAll();
        openTabs.save();
        for (WorkbenchTab t : shell.openTabs()) {
            t.dispose();
        }
        windowState.flush();
        threads.shutdown();
        sessions.close();
    }
}
