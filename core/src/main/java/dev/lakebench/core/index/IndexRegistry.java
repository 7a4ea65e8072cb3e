package dev.lakebench.core.index;

import dev.lakebench.core.concurrent.NamedThreads;
import dev.lakebench.core.index.lucene.LuceneIndex;
import dev.lakebench.core.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The declared indexes of a workspace and their directories: declarations in {@code lb_meta.indexes}, one
 * Lucene directory each under {@code indexes/<table>/<name>}, and the open handles by name.
 */
final class IndexRegistry {

    private static final Logger LOG = Logger.getLogger(IndexRegistry.class.getName());

    private final Workspace ws;
    private final Map<String, ManagedIndex> open = new ConcurrentHashMap<>();
    private final ExecutorService mergeWorkers = NamedThreads.fixed("lakebench-index-merge", workers());

    IndexRegistry(Workspace ws) {
        this.ws = ws;
    }

    /** Threads that build one vector graph (and merge its segments). */
    static int workers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The declarations of existing tables; those of dropped tables are removed, with stray directories. */
    List<IndexDefinition> load() {
        List<IndexDefinition> defs;
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.ensure(c);
            defs = IndexCatalog.load(c);
            for (IndexDefinition d : List.copyOf(defs)) {
                if (ws.catalog().table(d.table()).isEmpty()) {
                    IndexCatalog.delete(c, d.name());
                    defs.remove(d);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the index declarations: " + e.getMessage(), e);
        }
        removeStrayDirectories(defs);
        return defs;
    }

    private void removeStrayDirectories(List<IndexDefinition> defs) {
        Path root = ws.indexDir();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> keep = defs.stream()
                .map(d -> root.resolve(d.directoryName()).normalize())
                .toList();
        try (Stream<Path> tables = Files.list(root)) {
            for (Path t : tables.toList()) {
                try (Stream<Path> dirs = Files.isDirectory(t) ? Files.list(t) : Stream.empty()) {
                    for (Path d : dirs.toList()) {
                        if (!keep.contains(d.normalize())) {
                            deleteTree(d);
                        }
                    }
                }
                deleteIfEmpty(t);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot clean " + root, e);
        }
    }

    /** Records a new declaration in the catalog. */
    void declare(IndexDefinition def) throws SQLException {
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.insert(c, def);
        }
    }

    /** A new declaration's directory, emptied of anything left there. */
    ManagedIndex create(IndexDefinition def) throws IOException {
        deleteTree(directory(def));
        return open(def);
    }

    /** Opens the directory of a declaration (built or not) and registers it. */
    ManagedIndex open(IndexDefinition def) throws IOException {
        ManagedIndex ix = new ManagedIndex(LuceneIndex.open(def, directory(def), mergeWorkers, workers()));
        open.put(key(def.name()), ix);
        return ix;
    }

    Path directory(IndexDefinition def) {
        return ws.indexDir().resolve(def.directoryName());
    }

    ManagedIndex get(String name) {
        return open.get(key(name));
    }

    /** Unregisters an open index (the caller closes it). */
    ManagedIndex remove(String name) {
        return open.remove(key(name));
    }

    Collection<ManagedIndex> all() {
        return open.values();
    }

    /** The indexes of a table, by name. */
    List<ManagedIndex> of(String table) {
        List<ManagedIndex> out = new ArrayList<>();
        for (ManagedIndex ix : open.values()) {
            if (ix.definition().onTable(table)) {
                out.add(ix);
            }
        }
        out.sort(Comparator.comparing(ix -> ix.definition().name()));
        return out;
    }

    /** Removes a declaration and its directory. */
    void forget(IndexDefinition def) {
        try (Connection c = ws.engine().connect()) {
            IndexCatalog.delete(c, def.name());
        } catch (SQLException e) {
            LOG.log(
                    Level.WARNING,
                    "cannot remove the declaration of index " + def.name() + "; it goes at the next open",
                    e);
        }
        deleteTree(directory(def));
        deleteIfEmpty(directory(def).getParent());
    }

    /** Removes the directory of a dropped table's indexes. */
    void forgetTable(String table) {
        deleteTree(ws.indexDir().resolve(table.toLowerCase(Locale.ROOT)));
    }

    /** Discards the uncommitted writes of every open index, aborting merges in progress (closing the workspace). */
    void abortWrites() {
        for (ManagedIndex ix : open.values()) {
            ix.handle().abortWrites();
        }
    }

    /** Closes every open index (after the builds stopped). */
    void close() {
        for (ManagedIndex ix : open.values()) {
            try {
                ix.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "closing index " + ix.definition().name(), e);
            }
        }
        open.clear();
        mergeWorkers.shutdownNow();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> left = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // an empty folder left behind is harmless
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete " + p, e);
        }
    }
}
