package dev.lakebench.bench.remote;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.FakeManagedService;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedSettings;
import java.nio.file.Path;

/**
 * The managed API on loopback: the fake service (real HTTP, answers from a real local engine in {@code dir}) and
 * a managed client of its default workspace. What a remote call costs on top of the same local work.
 */
final class Loopback implements AutoCloseable {

    private static final String ORG = "bench-org";

    final FakeManagedService service;
    final Client client;

    Loopback(Path dir) throws Exception {
        String token = FakeManagedService.jwt(ORG);
        service = new FakeManagedService(dir, token, ORG);
        service.recordBodies(false);
        client = new Client(ManagedBackend.connect(ManagedSettings.of(service.url(), "default"), ApiToken.of(token)));
    }

    @Override
    public void close() {
        client.close();
        service.close();
    }
}
