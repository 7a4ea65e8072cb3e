package dev.lakebench.core.backend.managed;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.BaseBackendTestCase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The managed backend over real HTTP against the fake service, whose answers come from a real local engine. */
class ManagedBackendConformanceTest extends BaseBackendTestCase {

    private FakeManagedService service;

    @Override
    protected Backend open(Path dir) throws Exception {
        String token = FakeManagedService.jwt("org-1");
        service = new FakeManagedService(dir, token, "org-1");
        ManagedSettings s = ManagedSettings.of(service.url(), "default")
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
                .withInsertBatchBytes(64 * 1024);
        return ManagedBackend.connect(s, ApiToken.of(token));
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }
}
