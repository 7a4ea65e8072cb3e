package dev.lakebench.core.connections;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.natives.keychain.CredentialStore;
import dev.lakebench.natives.keychain.CredentialStoreException;
import dev.lakebench.natives.keychain.CredentialStores;
import java.util.Optional;

/**
 * API tokens in the OS credential store, one per API URL (service {@value #SERVICE}, account = the URL). Where no
 * store runs, tokens come from {@code DEEPLAKE_API_KEY} and cannot be saved.
 */
public final class TokenVault {

    public static final String SERVICE = "lakebench";

    private final CredentialStore store;

    public TokenVault(CredentialStore store) {
        this.store = store;
    }

    /** The best store of this machine, falling back to {@code DEEPLAKE_API_KEY}. */
    public static TokenVault system() {
        return new TokenVault(CredentialStores.best(ApiToken.ENV));
    }

    /** Where tokens are kept, for display ("Secret Service", "environment variable DEEPLAKE_API_KEY", ...). */
    public String storeName() {
        return store.name();
    }

    /** False where tokens cannot be saved (only read from the environment). */
    public boolean canSave() {
        return store.isWritable();
    }

    public Optional<String> token(String apiUrl) {
        try {
            return store.read(SERVICE, ManagedSettings.normalizeUrl(apiUrl));
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    public boolean hasToken(String apiUrl) {
        return token(apiUrl).isPresent();
    }

    public void save(String apiUrl, String token) {
        if (token == null || token.isBlank()) {
            throw new AuthError(ErrorCode.AUTH_TOKEN_REQUIRED, "Token required", "Paste the API token to save");
        }
        try {
            store.write(SERVICE, ManagedSettings.normalizeUrl(apiUrl), token.strip());
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    public boolean forget(String apiUrl) {
        try {
            return store.delete(SERVICE, ManagedSettings.normalizeUrl(apiUrl));
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    /** A secret kept under an account that is not an API URL, e.g. a database password under its JDBC URL. */
    public Optional<String> secret(String account) {
        try {
            return store.read(SERVICE, account);
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    public void saveSecret(String account, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new AuthError(ErrorCode.AUTH_TOKEN_REQUIRED, "Password required", "Type the password to save");
        }
        try {
            store.write(SERVICE, account, secret);
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    /** Forgets a secret saved with {@link #saveSecret}; false when there was none. */
    public boolean forgetSecret(String account) {
        try {
            return store.delete(SERVICE, account);
        } catch (CredentialStoreException e) {
            throw failure(e);
        }
    }

    private static AuthError failure(CredentialStoreException e) {
        return new AuthError(
                ErrorCode.AUTH_TOKEN_REQUIRED,
                e.getMessage(),
                "Unlock the OS keyring, or set " + ApiToken.ENV + " for this session",
                e);
    }
}
