package dev.lakebench.app.ui.browser;

import dev.lakebench.natives.keychain.CredentialStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A credential store in memory, standing in for the OS keychain in tests. */
public final class MemoryCredentialStore implements CredentialStore {

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
        return Optional.ofNullable(secrets.get(service + "/" + account));
    }

    @Override
    public void write(String service, String account, String secret) {
        secrets.put(service + "/" + account, secret);
    }

    @Override
    public boolean delete(String service, String account) {
        return secrets.remove(service + "/" + account) != null;
    }
}
