package dev.lakebench.app.ui.shell;

import dev.lakebench.app.ui.common.HoverTooltip;
import dev.lakebench.app.ui.theme.Icons;
import dev.lakebench.app.ui.theme.Icons.Icon;
import dev.lakebench.app.ui.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: toolbar and error surface on top, the workspace browser on the left, tabs in the
 * centre, the detail pane on the right, the status bar at the bottom, and a drop overlay over everything.
 */
public final class ShellView {

    private static final String EMPTY =
            "Open a table from the browser, start a SQL editor (Ctrl+T), or drop files here to ingest them.";

    private final BorderPane frame = new BorderPane();
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();
    private final List<WorkbenchTab> open = new ArrayList<>();
    private final SplitPane main;
    private final SplitPane centre;
    private final StackPane dropHint = new StackPane();
    private final HBox toolbar = new HBox();
    private final Node browser;
    private final HBox detailActions = new HBox(4);
    private final Label empty = new Label(EMPTY);
    private final StackPane tabArea = new StackPane();

    public ShellView(Node browser, Node errors, Node detail, Node statusBar) {
        this.browser = browser;
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        empty.getStyleClass().add(Styles.PLACEHOLDER);
        empty.setWrapText(true);
        tabArea.getChildren().add(empty);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        // the tab pane joins the scene with its first tab: a window that starts with no tab open does not style,
        // skin and lay out an empty tab pane
        tabs.getTabs().addListener(new ListChangeListener<Tab>() {
            @Override
            public void onChanged(Change<? extends Tab> c) {
                if (!tabs.getTabs().isEmpty()) {
                    tabs.getTabs().removeListener(this);
                    tabArea.getChildren().add(tabs);
                    tabs.applyCss(); // its skin now, so the first tab's content is in the scene to take the focus
                }
            }
        });
        VBox centreBox = new VBox(errors, tabArea);
        VBox.setVgrow(tabArea, Priority.ALWAYS);
        centre = new SplitPane(centreBox, pane("Detail", detail, detailActions));
        SplitPane.setResizableWithParent(centre.getItems().get(1), false);
        main = new SplitPane(pane("Workspaces", browser), centre);
        SplitPane.setResizableWithParent(main.getItems().get(0), false);
        toolbar.getStyleClass().add(Styles.TOOLBAR);
        toolbar.setId("toolbar");
        frame.setTop(toolbar);
        frame.setCenter(main);
        frame.setBottom(statusBar);
        Label drop = new Label("Drop files or folders to ingest them");
        dropHint.getChildren().add(drop);
        dropHint.getStyleClass().add("drop-hint");
        dropHint.setVisible(false);
        dropHint.setMouseTransparent(true);
        root.getChildren().addAll(frame, dropHint);
        root.setId("workbench");
    }

    private static Node pane(String title, Node content) {
        return pane(title, content, new HBox());
    }

    private static Node pane(String title, Node content, HBox actions) {
        Label l = new Label(title.toUpperCase(Locale.ROOT));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(l, gap, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        BorderPane p = new BorderPane(content);
        p.setTop(header);
        p.setMinWidth(0);
        return p;
    }

    public StackPane root() {
        return root;
    }

    public SplitPane mainSplit() {
        return main;
    }

    public SplitPane centreSplit() {
        return centre;
    }

    /** Puts actions on the detail pane's header (e.g. find rows similar to the row shown). */
    public void detailActions(Node... nodes) {
        detailActions.getChildren().setAll(nodes);
    }

    public TabPane tabs() {
        return tabs;
    }

    public Node browser() {
        return browser;
    }

    public void showDropHint(boolean show) {
        dropHint.setVisible(show);
    }

    /** Fills the toolbar; groups are separated. */
    public void toolbar(List<List<Node>> groups, List<Node> right) {
        toolbar.getChildren().clear();
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                toolbar.getChildren().add(new Separator(Orientation.VERTICAL));
            }
            toolbar.getChildren().addAll(groups.get(i));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getChildren().add(spacer);
        toolbar.getChildren().addAll(right);
        toolbar.setAlignment(Pos.CENTER_LEFT);
    }

    public static Button toolButton(String id, String text, Icon icon, String tooltip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.FLAT);
        HoverTooltip.install(b, tooltip);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** Opens a tab and brings it to front. */
    public void open(WorkbenchTab t) {
        insert(tabs.getTabs().size(), t);
        tabs.getSelectionModel().select(t.tab());
    }

    /** Opens a tab at {@code index} of the tab row, leaving the tab in front where it is. */
    public void insert(int index, WorkbenchTab t) {
        open.add(t);
        t.tab().setOnClosed(e -> {
            open.remove(t);
            t.dispose();
        });
        tabs.getTabs().add(index, t.tab());
    }

    /**
     * Styles a tab's content before its tab is opened: the content joins the scene hidden, behind the centre's
     * placeholder, and has its skins made and its styles looked up; opening the tab then moves it, which styles it
     * again from what is known (about half the time on a cold JVM).
     */
    public void styleAhead(Node content) {
        content.setVisible(false);
        tabArea.getChildren().addFirst(content);
        content.applyCss();
        tabArea.getChildren().remove(content);
        content.setVisible(true);
    }

    /** What the centre says while no tab is open ({@code null}: how to start). */
    public void placeholder(String text) {
        empty.setText(text != null ? text : EMPTY);
    }

    public Optional<WorkbenchTab> current() {
        Tab sel = tabs.getSelectionModel().getSelectedItem();
        return open.stream().filter(t -> t.tab() == sel).findFirst();
    }

    /** The workbench tab of a tab of the centre pane. */
    public Optional<WorkbenchTab> of(Tab tab) {
        return open.stream().filter(t -> t.tab() == tab).findFirst();
    }

    /** The open tabs, in the tab row's order. */
    public List<WorkbenchTab> openTabs() {
        return tabs.getTabs().stream().map(this::of).flatMap(Optional::stream).toList();
    }

    public void closeCurrent() {
        current().ifPresent(t -> {
            tabs.getTabs().remove(t.tab());
            open.remove(t);
            t.dispose();
        });
    }

    public void focusBrowser() {
        browser.requestFocus();
    }
}
