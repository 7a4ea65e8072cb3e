package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.IncompleteFiles;
import dev.lakebench.core.client.IndexInfo;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node of the workspace browser: a connection, a workspace, a table (with its row count), a column (with its
 * type) or an index. Children load lazily when the node is first expanded.
 */
public final class BrowserNode {

    /** What a node stands for. */
    public enum Kind {
        CONNECTION,
        WORKSPACE,
        TABLE,
        COLUMN,
        INDEX,
        MESSAGE
    }

    private final Kind kind;
    private final StringProperty label = new SimpleStringProperty();
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty();
    private final ConnectionSpec connection;
    private final WorkspaceRef workspace;
    private final ObservableList<BrowserNode> children = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private boolean loaded;
    private TableInfo table;
    private Column column;
    private IndexInfo index;
    private final ObjectProperty<IndexState> indexState = new SimpleObjectProperty<>();

    private BrowserNode(Kind kind, String label, ConnectionSpec connection, WorkspaceRef workspace) {
        this.kind = kind;
        this.label.set(label);
        this.connection = connection;
        this.workspace = workspace;
    }

    static BrowserNode connection(ConnectionSpec c) {
        return new BrowserNode(Kind.CONNECTION, c.label(), c, null);
    }

    static BrowserNode workspace(WorkspaceRef ws, String name) {
        BrowserNode n = new BrowserNode(Kind.WORKSPACE, ws.workspaceId(), ws.connection(), ws);
        if (name != null && !name.equals(ws.workspaceId())) {
            n.detail.set(name);
        }
        return n;
    }

    static BrowserNode table(WorkspaceRef ws, TableInfo info, IncompleteFiles incomplete) {
        BrowserNode n = new BrowserNode(Kind.TABLE, info.name(), ws.connection(), ws);
        n.setTable(info);
        n.warning.set(incomplete.isEmpty() ? null : incomplete.message());
        return n;
    }

    static BrowserNode column(WorkspaceRef ws, TableInfo t, Column c) {
        BrowserNode n = new BrowserNode(Kind.COLUMN, c.name(), ws.connection(), ws);
        n.table = t;
        n.column = c;
        n.detail.set(c.typeName() + (c.type().isVector() && c.dimension() > 0 ? "[" + c.dimension() + "]" : ""));
        n.loaded = true;
        return n;
    }

    static BrowserNode index(WorkspaceRef ws, TableInfo t, IndexInfo i, IndexState state) {
        BrowserNode n = new BrowserNode(Kind.INDEX, i.name(), ws.connection(), ws);
        n.table = t;
        n.index = i;
        n.indexState(state);
        n.loaded = true;
        return n;
    }

    /** An index's build state changed (the browser asks again while a build runs). */
    void indexState(IndexState state) {
        indexState.set(state);
        detail.set(index.type() + " on " + index.column() + " · " + state.label());
    }

    /** The build state of an index node (null for other nodes). */
    public ReadOnlyObjectProperty<IndexState> indexStateProperty() {
        return indexState;
    }

    static BrowserNode message(String text) {
        BrowserNode n = new BrowserNode(Kind.MESSAGE, text, null, null);
        n.loaded = true;
        return n;
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public String label() {
        return label.get();
    }

    /** Secondary text: row count, column type, index type. */
    public StringProperty detailProperty() {
        return detail;
    }

    /**
     * A problem to flag on the node, or null: for a table, rows of files whose ingest was interrupted and the fix
     * (shown as a badge with this text as its tooltip).
     */
    public StringProperty warningProperty() {
        return warning;
    }

    public ConnectionSpec connection() {
        return connection;
    }

    public WorkspaceRef workspace() {
        return workspace;
    }

    public ObservableList<BrowserNode> children() {
        return children;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public boolean isLeaf() {
        return kind == Kind.COLUMN || kind == Kind.INDEX || kind == Kind.MESSAGE;
    }

    boolean isLoaded() {
        return loaded;
    }

    void setLoaded(boolean loaded) {
        this.loaded = loaded;
    }

    /** The table a table, column or index node belongs to. */
    public TableInfo table() {
        return table;
    }

    void setTable(TableInfo info) {
        this.table = info;
        String rows = info.rowCount() == 1 ? "1 row" : String.format(Locale.ROOT, "%,d rows", info.rowCount());
        detail.set(rows);
    }

    public Column column() {
        return column;
    }

    public IndexInfo index() {
        return index;
    }

    @Override
    public String toString() {
        return kind + ":" + label.get();
    }
}
