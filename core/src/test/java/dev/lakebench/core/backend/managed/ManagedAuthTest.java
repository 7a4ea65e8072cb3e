package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TokenError;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token resolution, org id discovery, headers, and that the token never leaks into text. */
class ManagedAuthTest {

    @TempDir
    Path dir;

    @Test
    void tokenIsRequiredWhenNeitherGivenNorInTheEnvironment() {
        assertThatThrownBy(() -> ApiToken.resolve(null, name -> null))
                .isInstanceOf(AuthError.class).hasMessageStartingWith("Token required")
                .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_TOKEN_REQUIRED))
                .hasMessageContaining(ApiToken.ENV);
        assertThatThrownBy(() -> ApiToken.resolve("  ", name -> "")).hasMessageStartingWith("Token required");
    }

    @Test
    void tokenFallsBackToTheEnvironmentAndOrgComesFromTheClaim() throws Exception {
        String jwt = FakeManagedService.jwt("org-7");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-7")) {
            ApiToken token = ApiToken.resolve(null, Map.of(ApiToken.ENV, jwt)::get);
            try (ManagedBackend b = ManagedBackend.connect(ManagedSettings.of(service.url(), null), token)) {
                assertThat(b.orgId()).isEqualTo("org-7");
                assertThat(b.workspaceId()).isEqualTo("default");
                assertThat(b.listTables()).isEmpty();
            }
            // the fake answers 403 without the right X-Activeloop-Org-Id, so listing proved the header; no /me call
            assertThat(service.requestCount("/me")).isZero();
        }
    }

    @Test
    void opaqueTokenAsksMeForTheOrg() throws Exception {
        try (FakeManagedService service = new FakeManagedService(dir, "dl_opaque_token_123", "org-9");
             Client client = Client.managed("dl_opaque_token_123", "default", service.url())) {
            assertThat(((ManagedBackend) client.backend()).orgId()).isEqualTo("org-9");
            assertThat(client.listTables()).isEmpty();
            assertThat(service.requestCount("/me")).isEqualTo(1);
        }
    }

    @Test
    void noClaimAndNoOrgFromMeIsTokenDoesNotContainOrgId() throws Exception {
        try (FakeManagedService service = new FakeManagedService(dir, "dl_opaque_token_123", "org-9")) {
            service.meAnswersOrg(false);
            assertThatThrownBy(() -> ManagedBackend.connect(ManagedSettings.of(service.url(), null), ApiToken.of("dl_opaque_token_123")))
                    .isInstanceOf(AuthError.class).hasMessageStartingWith("Token does not contain org_id")
                    .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_NO_ORG_ID));
        }
    }

    @Test
    void jwtWithABrokenPayloadIsATokenError() {
        String broken = "eyJhbGciOiJIUzI1NiJ9." + "not-base64-json!!" + ".sig";
        assertThatThrownBy(() -> ApiToken.of(broken).orgIdClaim()).isInstanceOf(TokenError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken));
        String noOrg = "eyJhbGciOiJIUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes())
                + ".sig";
        assertThat(ApiToken.of(noOrg).orgIdClaim()).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInText() throws Exception {
        String jwt = FakeManagedService.jwt("org-1");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-1");
             ManagedBackend b = ManagedBackend.connect(ManagedSettings.of(service.url(), null), ApiToken.of(jwt))) {
            assertThat(ApiToken.of(jwt).toString()).doesNotContain(jwt);
            assertThat(b.toString()).doesNotContain(jwt);
            assertThat(b.settings().toString()).doesNotContain(jwt);
            // a server that echoes the token in its error text gets it redacted
            service.failNext(1, FakeManagedService.any(), 400, "bad token " + jwt, null);
            assertThatThrownBy(() -> b.listTables()).satisfies(e -> assertThat(e.getMessage()).doesNotContain(jwt).contains("[redacted]"));
        }
    }

    @Test
    void urlsWithCredentialsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ManagedSettings.of("https://user:secret@api.example.com", null))
                .hasMessageContaining("not an http(s) URL").satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThat(ManagedSettings.of(null, null).apiUrl()).isEqualTo("https://api.deeplake.ai");
        assertThat(ManagedSettings.of("http://localhost:8080/", "ws").apiUrl()).isEqualTo("http://localhost:8080");
    }
}
