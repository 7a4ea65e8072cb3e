package dev.lakebench.natives.keychain;

import java.util.Optional;

/**
 * An OS credential store holding secrets by (service, account): the Secret Service on Linux, the Keychain on
 * macOS, the Credential Manager on Windows, or a read-only environment variable where none runs. Secrets are
 * never logged and never part of an exception message.
 */
public interface CredentialStore {

    /** A short name for users ("Secret Service", "macOS Keychain", ...). */
    String name();

    /** True when this store works on this machine right now (library present, service running). */
    boolean isSupported();

    /** Higher wins when several stores are supported. */
    int priority();

    /** True when {@link #write} can store secrets (false for the environment fallback). */
    default boolean isWritable() {
        return true;
    }

    Optional<String> read(String service, String account);

    void write(String service, String account, String secret);

    /** Removes the secret; false when there was none. */
    boolean delete(String service, String account);
}
