package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.BaseBackendTestCase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The shared backend conformance suite against a real PostgreSQL server with pgvector (skipped without one). */
class PostgresBackendConformanceTest extends BaseBackendTestCase {

    private String db;

    @Override
    protected Backend open(Path dir) throws Exception {
        db = PgTestServer.freshDatabase();
        return PostgresBackend.connect(PgSettings.of(db, "default", null, name -> null));
    }

    @AfterEach
    void dropDatabase() {
        if (client != null) {
            client.close();
        }
        PgTestServer.drop(db);
    }
}
