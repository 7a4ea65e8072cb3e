package dev.lakebench.core.connections;

import dev.lakebench.natives.keychain.CredentialStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A credential store in memory, standing in for the OS keychain in tests (the OS stores are tested in native/). */
public final class MemoryCredentialStore implements CredentialStore {

    /** What was saved, keyed by service and account, for tests to inspect. */
    public final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "test keychain";
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Optional<String> read(String service, String account) {
        return Optional.ofNullable(secrets.get(service + "|" + account));
    }

    @Override
    public void write(String service, String account, String secret) {
        secrets.put(service + "|" + account, secret);
    }

    @Override
    public boolean delete(String service, String account) {
        return secrets.remove(service + "|" + account) != null;
    }
}
