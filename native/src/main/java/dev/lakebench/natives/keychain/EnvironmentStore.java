package dev.lakebench.natives.keychain;

import java.util.Optional;
import java.util.function.Function;

/**
 * The fallback where no OS credential store runs (headless servers, CI): reads the secret from an environment
 * variable for every account, and cannot store one.
 */
public final class EnvironmentStore implements CredentialStore {

    private final String variable;
    private final Function<String, String> env;

    public EnvironmentStore(String variable) {
        this(variable, System::getenv);
    }

    public EnvironmentStore(String variable, Function<String, String> env) {
        this.variable = variable;
        this.env = env;
    }

    public String variable() {
        return variable;
    }

    @Override
    public String name() {
        return "environment variable " + variable;
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isWritable() {
        return false;
    }

    @Override
    public Optional<String> read(String service, String account) {
        String v = env.apply(variable);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public void write(String service, String account, String secret) {
        throw new CredentialStoreException("No OS credential store is running here (no Secret Service, Keychain or "
                + "Credential Manager), so the token cannot be saved; set " + variable + " instead");
    }

    @Override
    public boolean delete(String service, String account) {
        return false;
    }
}
