package dev.lakebench.natives.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs where a Secret Service is reachable (CI starts gnome-keyring in a D-Bus session); skipped elsewhere. */
class SecretServiceStoreTest {

    @Test
    void storesReadsReplacesAndDeletes() {
        SecretServiceStore store = new SecretServiceStore();
        assumeTrue(store.isSupported(), "no Secret Service in this session");
        String service = "lakebench-test";
        String account = "https://api.example.test/" + UUID.randomUUID();
        assertThat(store.read(service, account)).isEmpty();
        store.write(service, account, "first-secret");
        assertThat(store.read(service, account)).contains("first-secret");
        store.write(service, account, "second-secret");
        assertThat(store.read(service, account)).contains("second-secret");
        assertThat(store.read(service, account + "/other")).isEmpty();
        assertThat(store.delete(service, account)).isTrue();
        assertThat(store.read(service, account)).isEmpty();
        assertThat(store.delete(service, account)).isFalse();
    }

    @Test
    void anUnsetOrDisabledBusIsNoBus() {
        assertThat(SecretServiceStore.namesABus(null)).isFalse();
        assertThat(SecretServiceStore.namesABus(" ")).isFalse();
        assertThat(SecretServiceStore.namesABus("disabled:")).isFalse();
        assertThat(SecretServiceStore.namesABus("unix:path=/run/user/1000/bus")).isTrue();
    }

    @Test
    void isTheBestStoreWhenSupported() {
        assumeTrue(new SecretServiceStore().isSupported(), "no Secret Service in this session");
        assertThat(CredentialStores.best("X_TOKEN").name()).isEqualTo("Secret Service");
    }
}
