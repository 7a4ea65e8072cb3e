package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
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
                .isInstanceOf(AuthError.class)
                .hasMessageStartingWith("Token required")
                .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_TOKEN_REQUIRED))
                .hasMessageContaining(ApiToken.ENV);
        assertThatThrownBy(() -> ApiToken.resolve("  ", name -> "")).hasMessageStartingWith("Token required");
    }

    @Test
    void tokenFallsBackToTheEnvironmentAndOrgComesFromTheClaim() throws Exception {
        String jwt = FakeManagedService.specJwt("org-7");
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
        try (FakeManagedService service =
                        new FakeManagedService(dir, "dl_opaque_token_123", "org-9", FakeManagedService.Profile.SPEC);
                Client client = Client.managed("dl_opaque_token_123", "default", service.url())) {
            assertThat(((ManagedBackend) client.backend()).orgId()).isEqualTo("org-9");
            assertThat(client.listTables()).isEmpty();
            assertThat(service.requestCount("/me")).isEqualTo(1);
        }
    }

    @Test
    void noClaimAndNoOrgFromMeIsTokenDoesNotContainOrgId() throws Exception {
        try (FakeManagedService service = new FakeManagedService(dir, "dl_opaque_token_123", "org-9")) {
            service.organizations(java.util.List.of());
            assertThatThrownBy(() -> ManagedBackend.connect(
                            ManagedSettings.of(service.url(), null), ApiToken.of("dl_opaque_token_123")))
                    .isInstanceOf(AuthError.class)
                    .hasMessageStartingWith("Token does not contain org_id")
                    .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_NO_ORG_ID));
        }
    }

    @Test
    void jwtWithABrokenPayloadIsATokenError() {
        String broken = "eyJhbGciOiJIUzI1NiJ9." + "not-base64-json!!" + ".sig";
        assertThatThrownBy(() -> ApiToken.of(broken).orgIdClaim())
                .isInstanceOf(TokenError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken));
        String noOrg = "eyJhbGciOiJIUzI1NiJ9."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes()) + ".sig";
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
            assertThatThrownBy(() -> b.listTables())
                    .satisfies(
                            e -> assertThat(e.getMessage()).doesNotContain(jwt).contains("[redacted]"));
        }
    }

    @Test
    void urlsWithCredentialsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ManagedSettings.of("https://user:secret@api.example.com", null))
                .hasMessageContaining("not an http(s) URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThat(ManagedSettings.of(null, null).apiUrl()).isEqualTo("https://api.deeplake.ai");
        assertThat(ManagedSettings.of("http://localhost:8080/", "ws").apiUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void anOrgIdClaimIsEnoughWithoutAskingTheService() throws Exception {
        String jwt = FakeManagedService.jwt("org-3");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-3");
                ManagedBackend b = ManagedBackend.connect(
                        ManagedSettings.of(service.url(), null), ApiToken.of(jwt), name -> null)) {
            assertThat(b.orgId()).isEqualTo("org-3");
            assertThat(b.listTables()).isEmpty();
            assertThat(service.requestCount("/me") + service.requestCount("/organizations"))
                    .isZero();
        }
    }

    @Test
    void withoutAClaimTheOnlyOrganisationIsUsed() throws Exception {
        try (FakeManagedService service = new FakeManagedService(dir, "dl_opaque_token_123", "org-9");
                ManagedBackend b = ManagedBackend.connect(
                        ManagedSettings.of(service.url(), null), ApiToken.of("dl_opaque_token_123"), name -> null)) {
            assertThat(b.orgId()).isEqualTo("org-9");
            assertThat(b.listTables()).isEmpty();
            // /me answers {id, name, email}: asked once, then /organizations once
            assertThat(service.requestCount("/me")).isEqualTo(1);
            assertThat(service.requestCount("/organizations")).isEqualTo(1);
        }
    }

    @Test
    void severalOrganisationsAndNoChoiceIsAnErrorListingThem() throws Exception {
        try (FakeManagedService service = new FakeManagedService(dir, "dl_opaque_token_123", "org-9")) {
            service.organizations(
                    java.util.List.of(new String[] {"org-9", "Team Nine"}, new String[] {"org-10", "Team Ten"}));
            assertThatThrownBy(() -> ManagedBackend.connect(
                            ManagedSettings.of(service.url(), null), ApiToken.of("dl_opaque_token_123"), name -> null))
                    .isInstanceOf(AuthError.class)
                    .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_NO_ORG_ID))
                    .hasMessageContaining("2 organisations: org-9 (Team Nine), org-10 (Team Ten)")
                    .hasMessageContaining("--org")
                    .hasMessageContaining("DEEPLAKE_ORG_ID");
            assertThat(service.requestCount("/organizations")).isEqualTo(1);
            // an explicit choice wins, from the settings or the environment
            try (ManagedBackend b = ManagedBackend.connect(
                    ManagedSettings.of(service.url(), null).withOrgId("org-9"),
                    ApiToken.of("dl_opaque_token_123"),
                    name -> null)) {
                assertThat(b.listTables()).isEmpty();
            }
            try (ManagedBackend b = ManagedBackend.connect(
                    ManagedSettings.of(service.url(), null),
                    ApiToken.of("dl_opaque_token_123"),
                    Map.of("DEEPLAKE_ORG_ID", "org-9")::get)) {
                assertThat(b.orgId()).isEqualTo("org-9");
            }
            assertThat(service.requestCount("/organizations")).isEqualTo(1);
        }
    }

    @Test
    void anExplicitOrgWinsOverTheTokensClaim() throws Exception {
        String jwt = FakeManagedService.jwt("org-old");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-new")) {
            try (ManagedBackend b =
                    ManagedBackend.connect(ManagedSettings.of(service.url(), null), ApiToken.of(jwt), name -> null)) {
                assertThatThrownBy(b::listTables).isInstanceOf(AuthError.class);
            }
            try (ManagedBackend b = ManagedBackend.connect(
                    ManagedSettings.of(service.url(), null).withOrgId("org-new"), ApiToken.of(jwt), name -> null)) {
                assertThat(b.orgId()).isEqualTo("org-new");
                assertThat(b.listTables()).isEmpty();
                assertThat(b.listWorkspaces()).isNotEmpty();
            }
        }
    }

    @Test
    void aRefusedConnectionSaysItCouldNotConnect() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ManagedSettings s = ManagedSettings.of("http://127.0.0.1:" + port, null)
                .withRetries(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2));
        assertThatThrownBy(() ->
                        ManagedBackend.connect(s, ApiToken.of("dl_opaque_token_123"), new java.util.Random(1), d -> {}))
                .isInstanceOf(dev.lakebench.core.client.ManagedServiceError.class)
                .isNotInstanceOf(AuthError.class)
                .hasMessageContaining("Could not connect to the managed API at http://127.0.0.1:" + port)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("org_id"));
    }

    @Test
    void aTokenWithACharacterNoHeaderCarriesIsATokenErrorThatDoesNotQuoteIt() throws Exception {
        String jwt = FakeManagedService.jwt("org-1");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-1")) {
            // pasted with a trailing ellipsis: refused before any request, without echoing the token
            assertThatThrownBy(() -> Client.managed(jwt + "\u2026", "default", service.url()))
                    .isInstanceOf(TokenError.class)
                    .satisfies(e -> assertThat(((TokenError) e).code()).isEqualTo(ErrorCode.TOKEN_MALFORMED))
                    .hasMessageContaining("U+2026 at position " + (jwt.length() + 1))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(jwt.substring(0, 20)));
            assertThatThrownBy(() -> ApiToken.resolve(null, Map.of(ApiToken.ENV, "dl_t\u00f6ken_123")::get))
                    .isInstanceOf(TokenError.class)
                    .hasMessageContaining("U+00F6");
            assertThat(service.requestCount()).isZero();
        }
    }

    @Test
    void anOrgIdNoHeaderCarriesIsAnAuthErrorNamingWhereItCameFrom() throws Exception {
        String jwt = FakeManagedService.jwt("org-1");
        try (FakeManagedService service = new FakeManagedService(dir, jwt, "org-1")) {
            assertThatThrownBy(() -> ManagedBackend.connect(
                            ManagedSettings.of(service.url(), null),
                            ApiToken.of(jwt),
                            Map.of(ManagedSettings.ORG_ENV, "\u00f6rg-1")::get))
                    .isInstanceOf(AuthError.class)
                    .satisfies(e -> assertThat(((AuthError) e).code()).isEqualTo(ErrorCode.AUTH_NO_ORG_ID))
                    .hasMessageContaining(ManagedSettings.ORG_ENV)
                    .hasMessageContaining("U+00F6 at position 1");
            assertThat(service.requestCount()).isZero();
        }
    }
}
