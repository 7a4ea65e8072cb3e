package dev.lakebench.natives.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialStoresTest {

    /** A store that is supported or not, for choosing. */
    private record Fake(String name, boolean isSupported, int priority) implements CredentialStore {
        @Override
        public Optional<String> read(String service, String account) {
            return Optional.empty();
        }

        @Override
        public void write(String service, String account, String secret) {}

        @Override
        public boolean delete(String service, String account) {
            return false;
        }
    }

    @Test
    void picksTheSupportedStoreOfHighestPriorityElseTheEnvironment() {
        CredentialStore a = new Fake("a", true, 10);
        CredentialStore b = new Fake("b", true, 50);
        CredentialStore c = new Fake("c", false, 99);
        assertThat(CredentialStores.best(List.of(a, b, c), "TOKEN").name()).isEqualTo("b");
        CredentialStore none = CredentialStores.best(List.of(c), "MY_TOKEN");
        assertThat(none).isInstanceOf(EnvironmentStore.class);
        assertThat(none.name()).contains("MY_TOKEN");
    }

    @Test
    void environmentFallbackReadsButCannotStore() {
        EnvironmentStore env = new EnvironmentStore("MY_TOKEN", Map.of("MY_TOKEN", "s3cr3t-value")::get);
        assertThat(env.read("lakebench", "https://x")).contains("s3cr3t-value");
        assertThat(env.isWritable()).isFalse();
        assertThatThrownBy(() -> env.write("lakebench", "https://x", "s3cr3t-value"))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("set MY_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-value"));
        assertThat(new EnvironmentStore("EMPTY", k -> "").read("s", "a")).isEmpty();
    }

    @Test
    void platformStoresAnswerIsSupportedWithoutFailing() {
        for (CredentialStore s : CredentialStores.all()) {
            s.isSupported();
            assertThat(s.priority()).isPositive();
        }
    }
}
