package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.BaseBackendTestCase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared backend conformance suite against a real PostgreSQL server with pgvector (skipped without one). */
class PostgresBackendConformanceTest extends BaseBackendTestCase {

    @RegisterExtension
    final PgTestDatabase pgdb = new PgTestDatabase();

    @Override
    protected Backend open(Path dir) {
        return PostgresBackend.connect(PgSettings.of(pgdb.url(), "default", null, name -> null));
    }
}
