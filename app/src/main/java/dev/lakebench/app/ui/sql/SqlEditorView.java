package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.CellImages;
import dev.lakebench.app.ui.common.Once;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sizes;
import dev.lakebench.app.ui.common.Threads;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Styles;
import dev.lakebench.core.schema.Column;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The SQL editor: code area with asynchronous highlighting and completion, run bar (run, cancel, elapsed time,
 * row count, export), side panel (parameters, history, hybrid search) and the result tabs.
 */
public final class SqlEditorView {

    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);

    private final SqlEditorViewModel vm;
    private final CodeArea area = new CodeArea();
    private final BorderPane root = new BorderPane();
    private final TabPane results = new TabPane();
    private final TabPane side = new TabPane();
    private final HistoryPanel history;
    private final Label elapsed = new Label();
    private final Label status = new Label();
    private final Map<ResultViewModel, Tab> tabs = new HashMap<>();
    private final CellImages images;
    private final Consumer<SelectedRow> onSelect;
    private final Timeline ticker;
    private final SplitPane top;
    private final ToggleButton sideToggle = new ToggleButton(null, Icons.of(Icons.Icon.PANE_RIGHT));
    private boolean syncing;

    public SqlEditorView(SqlEditorViewModel vm, CellImages images, Consumer<SelectedRow> onSelect) {
        this.vm = vm;
        this.images = images;
        this.onSelect = onSelect;
        this.history = new HistoryPanel(vm);
        area.setId("sql-editor");
        area.getStyleClass().add(Styles.SQL_EDITOR);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        Highlighting highlighting = new Highlighting(area, n -> vm.parameterCount(Math.max(n, 0)), vm.threads());
        ErrorUnderline underline = new ErrorUnderline(
                area, vm.errorMarkProperty(), () -> highlighting.submit(area, n -> vm.parameterCount(Math.max(n, 0))));
        highlighting.afterApply(underline::apply);
        bindText();
        CompletionPopup completion = new CompletionPopup(area, vm);
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (completion.handle(e)) {
                e.consume();
            } else if (RUN.match(e)) {
                vm.run();
                e.consume();
            } else if (COMPLETE.match(e)) {
                completion.show();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.runningProperty().get()) {
                vm.cancel();
                e.consume();
            }
        });
        area.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (".".equals(e.getCharacter()) && !completion.isShowing()) {
                Threads.later(completion::show);
            }
        });

        side.getTabs()
                .addAll(
                        closed("Parameters", scroll(new ParameterPanel(vm).node())),
                        closed("History", history.node()),
                        closed("Search", scroll(new HybridSearchForm(vm).node())));
        side.setId("editor-side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add("side-panel");
        side.setMinWidth(0);
        vm.parameters().addListener((ListChangeListener<ParameterViewModel>) c -> {
            if (!vm.parameters().isEmpty()) {
                side.getSelectionModel().select(0);
            }
        });

        top = new SplitPane(new VirtualizedScrollPane<>(area), side);
        top.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(side, false);
        results.setId("result-tabs");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label none = new Label("Run a statement with Ctrl+Enter; each run opens a result tab.");
        none.getStyleClass().add(Styles.PLACEHOLDER);
        BorderPane resultArea = new BorderPane(results);
        resultArea.setCenter(none);
        vm.results().addListener((ListChangeListener<ResultViewModel>) c -> {
            while (c.next()) {
                for (ResultViewModel r : c.getRemoved()) {
                    Tab t = tabs.remove(r);
                    if (t != null) {
                        results.getTabs().remove(t);
                    }
                }
                for (ResultViewModel r : c.getAddedSubList()) {
                    Tab t = resultTab(r);
                    tabs.put(r, t);
                    results.getTabs().add(t);
                }
            }
            resultArea.setCenter(results.getTabs().isEmpty() ? none : results);
        });
        vm.currentProperty().addListener((o, a, r) -> {
            Tab t = r == null ? null : tabs.get(r);
            if (t != null) {
                results.getSelectionModel().select(t);
            }
            updateStatus();
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            tabs.forEach((r, tab) -> {
                if (tab == t && vm.currentProperty().get() != r) {
                    vm.currentProperty().set(r);
                }
            });
        });
        SplitPane split = new SplitPane(top, resultArea);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, was, is) -> {
            if (is) {
                ticker.play();
            } else {
                ticker.stop();
            }
            updateStatus();
        });
        vm.lastExportProperty().addListener((o, a, b) -> {
            status.textProperty().unbind();
            status.setText(b);
        });
        root.setTop(runBar());
        root.setCenter(split);
    }

    public Node node() {
        return root;
    }

    public CodeArea area() {
        return area;
    }

    /** The editor and its side panel (parameters, history, search): the shell folds the panel away. */
    public SplitPane sideSplit() {
        return top;
    }

    /** The run bar's button that shows or hides the side panel (selected: shown). */
    public ToggleButton sideToggle() {
        return sideToggle;
    }

    public void focusHistorySearch() {
        side.getSelectionModel().select(1);
        history.focusSearch();
    }

    private void bindText() {
        area.replaceText(vm.textProperty().get());
        area.textProperty().addListener((o, a, t) -> {
            if (!syncing) {
                syncing = true;
                vm.textProperty().set(t);
                syncing = false;
            }
        });
        vm.textProperty().addListener((o, a, t) -> {
            if (!syncing && !t.equals(area.getText())) {
                syncing = true;
                area.replaceText(t);
                area.moveTo(Math.min(vm.caretProperty().get(), t.length()));
                syncing = false;
            }
        });
        area.caretPositionProperty().addListener((o, a, p) -> vm.caretProperty().set(p));
        area.selectionProperty()
                .addListener((o, a, s) -> vm.selectionStartProperty().set(s.getStart()));
        area.selectedTextProperty()
                .addListener((o, a, s) -> vm.selectedTextProperty().set(s));
    }

    private Node runBar() {
        Button run = new Button("Run", Icons.of(Icons.Icon.PLAY));
        run.setId("run");
        run.setTooltip(new Tooltip("Run the statement at the caret, or the selection (Ctrl+Enter)"));
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel", Icons.of(Icons.Icon.STOP));
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Stop the running statement in the engine (Ctrl+. or Escape)"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        elapsed.setId("elapsed");
        elapsed.getStyleClass().add(Styles.MONO);
        status.setId("result-status");
        MenuButton export = new MenuButton("Export", Icons.of(Icons.Icon.EXPORT));
        export.setId("export");
        for (ResultExport.Format f : ResultExport.Format.values()) {
            MenuItem i = new MenuItem("All rows to " + f.name() + "…");
            i.setOnAction(e -> export(f));
            export.getItems().add(i);
        }
        export.disableProperty().bind(vm.currentProperty().isNull());
        Label ws = new Label(vm.workspace().label());
        ws.getStyleClass().add(Styles.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the buttons keep their labels; a long status or workspace name is what gets cut
        for (Control c : List.of(run, cancel, export, elapsed)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        ws.setMinWidth(0);
        sideToggle.setId("toggle-editor-side");
        sideToggle.getStyleClass().add(Styles.FLAT);
        sideToggle.setSelected(true);
        sideToggle.setFocusTraversable(false);
        sideToggle.setTooltip(
                new Tooltip("Show or hide parameters, history and search (Ctrl+Shift+E; or double-click the divider)"));
        sideToggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(run, cancel, elapsed, status, spacer, export, ws, sideToggle);
        bar.getStyleClass().add("run-bar");
        return bar;
    }

    private void export(ResultExport.Format f) {
        ResultViewModel r = vm.currentProperty().get();
        if (r == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export all rows to " + f.name());
        fc.setInitialFileName(ResultExport.suggestedName(r.sql(), f));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        var file = fc.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.export(r, f, file.toPath());
        }
    }

    private void tick() {
        Instant s = vm.startedAtProperty().get();
        if (s != null) {
            elapsed.setText(Sizes.duration(Duration.between(s, Instant.now())));
        }
    }

    private void updateStatus() {
        ResultViewModel r = vm.currentProperty().get();
        status.textProperty().unbind();
        if (r == null) {
            status.setText("");
            elapsed.setText("");
            return;
        }
        status.textProperty().bind(r.statusProperty());
        if (r.state() != ResultViewModel.State.RUNNING) {
            elapsed.setText("");
        }
    }

    private Tab resultTab(ResultViewModel r) {
        String source = tableOf(r.sql());
        ResultsTable table = new ResultsTable(
                r,
                images,
                onSelect,
                source,
                column -> source == null
                        ? null
                        : vm.catalogProperty().get().columns(source).orElse(List.of()).stream()
                                .filter(c -> c.name().equalsIgnoreCase(column))
                                .map(Column::type)
                                .findFirst()
                                .orElse(null));
        Label sql = new Label(r.sql().strip().replaceAll("\\s+", " ")
                + (r.paramSummary().isEmpty() ? "" : "   ·   " + r.paramSummary()));
        sql.getStyleClass().addAll(Styles.MONO, Styles.MUTED);
        sql.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(table.node(), Priority.ALWAYS);
        Tab t = new Tab(r.title(), new VBox(sql, table.node()));
        r.stateProperty().addListener((o, a, s) -> {
            t.setText(r.title()
                    + (s == ResultViewModel.State.FAILED ? " ✕" : s == ResultViewModel.State.CANCELLED ? " ■" : ""));
            if (vm.currentProperty().get() == r) {
                updateStatus();
            }
        });
        t.setText(r.title() + " …");
        t.setOnClosed(e -> vm.close(r));
        t.setTooltip(new Tooltip(r.sql()));
        return t;
    }

    /** The table a simple query reads from (for the detail pane); null for anything else. */
    static String tableOf(String sql) {
        String code = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
        var m = Pattern.compile(
                        "(?is)^\\s*select\\b.*?\\bfrom\\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*(where|order|limit|$|;)")
                .matcher(code);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A side panel's tab, whose content joins the scene when the tab is first selected: the panels behind the one
     * shown are not styled, skinned and laid out with the editor (which a restart builds on the FX thread before
     * anything can be typed), only once they are looked at.
     */
    private static Tab closed(String title, Node content) {
        Tab t = new Tab(title);
        t.setClosable(false);
        Once.when(t.selectedProperty(), Boolean::booleanValue, selected -> t.setContent(content));
        return t;
    }

    private static Node scroll(Node n) {
        ScrollPane sp = new ScrollPane(n);
        sp.setFitToWidth(true);
        sp.setPadding(new Insets(8));
        return sp;
    }

    public void dispose() {
        ticker.stop();
    }
}
