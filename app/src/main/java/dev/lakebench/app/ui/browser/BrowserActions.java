package dev.lakebench.app.ui.browser;

import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.TableInfo;

/** What the browser asks the shell to open. */
public interface BrowserActions {

    /** Shows the table's rows in a results tab. */
    void openTable(WorkspaceRef ws, TableInfo table);

    /** Opens a SQL editor on the workspace with a query on the table. */
    void queryTable(WorkspaceRef ws, TableInfo table);

    /** Opens the thumbnail grid of the table. */
    void showGrid(WorkspaceRef ws, TableInfo table);

    /** Opens an empty SQL editor on the workspace. */
    void newEditor(WorkspaceRef ws);

    /** Starts the ingestion wizard with a file chooser, targeting the workspace. */
    void ingestFiles(WorkspaceRef ws);

    /** Adds (null) or edits a managed connection. */
    default void editConnection(BrowserNode connection) {}

    /** Removes a managed connection after asking. */
    default void removeConnection(BrowserNode connection) {}
}
