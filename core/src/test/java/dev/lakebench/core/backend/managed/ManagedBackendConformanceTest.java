package dev.lakebench.core.backend.managed;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.BaseBackendTestCase;
import dev.lakebench.core.client.ManagedSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The managed backend over real HTTP against the fake service in the real service's shapes (org_id tokens, 500
 * QUERY_ERROR bodies, "already exists" on IF NOT EXISTS DDL), whose answers come from a real local engine.
 */
class ManagedBackendConformanceTest extends BaseBackendTestCase {

    private FakeManagedService service;

    protected FakeManagedService.Profile profile() {
        return FakeManagedService.Profile.REAL;
    }

    /** Subclasses switch on the fake's strict modes. */
    protected void strictModes(FakeManagedService service) {}

    @Override
    protected Backend open(Path dir) throws Exception {
        boolean spec = profile() == FakeManagedService.Profile.SPEC;
        String token = spec ? FakeManagedService.specJwt("org-1") : FakeManagedService.jwt("org-1");
        service = new FakeManagedService(dir, token, "org-1", profile());
        strictModes(service);
        ManagedSettings s = ManagedSettings.of(service.url(), "default")
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
                .withInsertBatchBytes(64 * 1024);
        return ManagedBackend.connect(s, ApiToken.of(token), name -> null);
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }
}
