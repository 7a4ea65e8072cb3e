package dev.lakebench.natives.keychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Picks the credential store to use: the supported one of highest priority, else the environment fallback. */
public final class CredentialStores {

    private CredentialStores() {}

    /** The built-in OS stores plus any {@link CredentialStore} registered through {@link ServiceLoader}. */
    public static List<CredentialStore> all() {
        List<CredentialStore> out = new ArrayList<>(
                List.of(new SecretServiceStore(), new MacKeychainStore(), new WindowsCredentialStore()));
        ServiceLoader.load(CredentialStore.class).forEach(out::add);
        return out;
    }

    /** The best supported store, or {@code new EnvironmentStore(fallbackVariable)}. */
    public static CredentialStore best(String fallbackVariable) {
        return best(all(), fallbackVariable);
    }

    static CredentialStore best(List<CredentialStore> stores, String fallbackVariable) {
        return stores.stream()
                .filter(CredentialStores::supported)
                .max(Comparator.comparingInt(CredentialStore::priority))
                .orElseGet(() -> new EnvironmentStore(fallbackVariable));
    }

    private static boolean supported(CredentialStore s) {
        try {
            return s.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
