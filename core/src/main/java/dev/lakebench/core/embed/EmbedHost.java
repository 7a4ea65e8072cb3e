package dev.lakebench.core.embed;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.DataDirectory;
import dev.lakebench.core.store.Workspace;
import java.util.List;

/**
 * The workspace that embedding jobs and SQL {@code embed()} calls work in: a local backend. Declared here so
 * that the local backend plugs the embedding engine in, and this package never depends on the backend.
 */
public interface EmbedHost extends Backend {

    /** The data directory (where pulled models live). */
    DataDirectory dataDirectory();

    /** The open workspace (its catalog records which model made a vector column). */
    Workspace workspace();

    /** Adds columns at the end of an existing table, committed at once; existing ones are left as they are. */
    TableSchema addColumns(String table, List<Column> columns);
}
