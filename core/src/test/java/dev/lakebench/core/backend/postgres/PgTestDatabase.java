package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedServiceError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own on the test server ({@link PgTestServer}) with a client on its default workspace, for
 * each test when registered on an instance field, for the whole class when on a static one; the client is closed
 * and the database dropped afterwards. Without a server the tests are skipped, saying why.
 */
final class PgTestDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private boolean perClass;
    private String url;
    private Client client;
    private Client local;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        url = PgTestServer.freshDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        drop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            url = PgTestServer.freshDatabase();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            drop();
        }
    }

    private void drop() {
        if (local != null) {
            local.close();
            local = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        PgTestServer.drop(url);
        url = null;
    }

    /** The database's JDBC URL. */
    String url() {
        return url;
    }

    /** The client on the database's default workspace, opened on first use. */
    Client client() {
        if (client == null) {
            client = connect(url);
        }
        return client;
    }

    /** A client of its own on the default workspace of {@code url}; the caller closes it. */
    static Client connect(String url) {
        return new Client(PostgresBackend.connect(PgSettings.of(url, "default", null, n -> null)));
    }

    /** The Lakebench error {@code call} throws (the test fails if it throws none or another kind). */
    static ManagedServiceError error(ThrowingCallable call) {
        List<Throwable> caught = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOf(ManagedServiceError.class).satisfies(caught::add);
        return (ManagedServiceError) caught.get(0);
    }

    /**
     * Ingests {@code columns} into {@code table} of this database and of a local workspace in {@code dir}, for
     * comparing the two; returns the local workspace's client (closed with the database).
     */
    Client ingestHereAndLocally(String table, Map<String, List<?>> columns, Path dir) {
        client().ingest(table, columns);
        local = Client.local(dir);
        local.ingest(table, columns);
        return local;
    }

    /** Ingests {@code n} rows of {@code id} and a random {@code emb} vector of {@code dim} into {@code table}. */
    void ingestVectors(String table, int n, int dim, long seed) {
        Random rnd = new Random(seed);
        List<Long> ids = new ArrayList<>();
        List<float[]> embs = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) rnd.nextGaussian();
            }
            ids.add(i);
            embs.add(v);
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("id", ids);
        data.put("emb", embs);
        client().ingest(table, data);
    }
}
