package dev.lakebench.app.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.backend.postgres.Capabilities;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL connections: the form's checks, the saved file and the password in the credential store, the test's text. */
class PostgresConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void theFormIsCheckedAndConnectionsAreSavedWithoutTheirPassword() throws Exception {
        assertThat(PostgresConnections.validate("", "public")).startsWith("Enter the JDBC URL");
        assertThat(PostgresConnections.validate("postgres://db/lake", "public"))
                .startsWith("A PostgreSQL URL starts with jdbc:postgresql://");
        assertThat(PostgresConnections.validate("jdbc:postgresql://db/lake?password=x", "public"))
                .startsWith("Leave the password out");
        assertThat(PostgresConnections.validate("jdbc:postgresql://db/lake", "bad name"))
                .contains("not a valid schema name");
        assertThat(PostgresConnections.validate("jdbc:postgresql://db/lake?user=me", "team_1"))
                .isNull();

        MemoryCredentialStore keychain = new MemoryCredentialStore();
        PostgresConnections pg = new PostgresConnections(dir.resolve("pg.json"), () -> new TokenVault(keychain));
        var saved = pg.save(null, "Team", "jdbc:postgresql://db:5432/lake?user=me", "", "s3cret");
        assertThat(saved.workspace()).isEqualTo("public");
        assertThat(pg.list()).containsExactly(saved);
        assertThat(java.nio.file.Files.readString(dir.resolve("pg.json"))).doesNotContain("s3cret");
        // the same account as `lakebench login --postgres URL`
        assertThat(new TokenVault(keychain).secret("postgres:jdbc:postgresql://db:5432/lake?user=me"))
                .contains("s3cret");
        var edited = pg.save(saved.id(), "Team db", saved.url(), "analytics", "");
        assertThat(pg.list()).containsExactly(edited);
        assertThat(new TokenVault(keychain).secret("postgres:" + saved.url())).contains("s3cret");
        assertThat(pg.remove(saved.id())).isTrue();
        assertThat(pg.list()).isEmpty();
        assertThat(new TokenVault(keychain).secret("postgres:" + saved.url())).isEmpty();
    }

    @Test
    void theTestSaysWhatTheServerOffersAndWhatIsMissing() {
        String text = PostgresConnections.describe(
                new Capabilities(Map.of("vector", "0.8.0", "pg_trgm", "1.6"), "15.8"), "public", 3);
        assertThat(text)
                .startsWith("Connected: PostgreSQL 15.8, workspace \"public\" with 3 tables")
                .contains("✓ pgvector: vector search (cosine, HNSW indexes) (0.8.0)")
                .contains("✗ pg_search: BM25 indexes and scores — not offered")
                .contains("BM25 runs in plain SQL (small tables); install pg_search for BM25 indexes.")
                .doesNotContain("Vector and hybrid search need pgvector");
    }
}
