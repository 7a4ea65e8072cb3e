package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.client.OrganizationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which organisation a connection acts for, first answer wins: the explicit choice (settings, then
 * {@code DEEPLAKE_ORG_ID}); the token's {@code org_id} / {@code OrgID} claim; an org field in {@code GET /me};
 * the only organisation {@code GET /organizations} lists. Several organisations and no choice is an error that
 * lists them. A server that cannot be reached is reported as such, not as a token without an org.
 */
final class OrgResolver {

    private static final String CHOOSE = "Choose one with --org ID, the " + ManagedSettings.ORG_ENV
            + " environment variable, or Client.builder().orgId(..)";

    private OrgResolver() {}

    static String resolve(ManagedSettings settings, ApiToken token, ApiClient api, Function<String, String> env) {
        if (settings.orgId() != null) {
            return sendable(settings.orgId(), "The organisation id given");
        }
        String fromEnv = env.apply(ManagedSettings.ORG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return sendable(fromEnv.strip(), "The organisation id in " + ManagedSettings.ORG_ENV);
        }
        Optional<String> claim = token.orgIdClaim();
        if (claim.isPresent()) {
            return sendable(claim.get(), "The token's org_id claim");
        }
        Optional<String> fromMe = fromMe(api);
        if (fromMe.isPresent()) {
            return sendable(fromMe.get(), "The organisation id " + settings.apiUrl() + "/me named");
        }
        List<OrganizationInfo> orgs = organizations(api, settings.apiUrl());
        if (orgs.size() == 1) {
            return sendable(orgs.get(0).id(), "The organisation id " + settings.apiUrl() + "/organizations named");
        }
        if (orgs.isEmpty()) {
            throw new AuthError(
                    ErrorCode.AUTH_NO_ORG_ID,
                    "Token does not contain org_id, and " + settings.apiUrl()
                            + "/organizations lists no organisation for its user",
                    "Create an organisation on the platform, or " + lower(CHOOSE));
        }
        throw new AuthError(
                ErrorCode.AUTH_NO_ORG_ID,
                "Token does not contain org_id, and its user belongs to " + orgs.size() + " organisations: "
                        + String.join(
                                ", ",
                                orgs.stream().map(OrganizationInfo::toString).toList()),
                CHOOSE);
    }

    /** The organisations the token's user belongs to ({@code GET /organizations}: an array of {@code {id, name}}). */
    static List<OrganizationInfo> list(ApiClient api) {
        JsonNode r = api.send(
                ApiCall.get("listing organisations", ApiCall.Target.ORGANIZATIONS, "organizations"),
                Cancellation.none());
        JsonNode items = r.isArray() ? r : r.has("organizations") ? r.get("organizations") : r.path("data");
        List<OrganizationInfo> out = new ArrayList<>();
        for (JsonNode o : items) {
            String id = o.isObject() ? o.path("id").asText("") : o.asText("");
            if (!id.isBlank()) {
                out.add(new OrganizationInfo(id, o.path("name").asText(id)));
            }
        }
        return out;
    }

    private static Optional<String> fromMe(ApiClient api) {
        JsonNode me;
        try {
            me = api.send(ApiCall.get("GET /me", ApiCall.Target.ME, "me"), Cancellation.none());
        } catch (AuthError e) {
            throw e;
        } catch (ManagedServiceError e) {
            if (ApiErrors.isConnectionFailure(e) || ApiErrors.isRedirect(e)) {
                throw e;
            }
            // the service's /me need not name an org (it answers {id, name, email}); /organizations still can
            return Optional.empty();
        }
        for (String field : new String[] {"org_id", "OrgID", "orgId", "organization_id"}) {
            JsonNode n = me.get(field);
            if (n != null && n.isValueNode() && !n.asText().isBlank()) {
                return Optional.of(n.asText());
            }
        }
        return Optional.empty();
    }

    private static List<OrganizationInfo> organizations(ApiClient api, String apiUrl) {
        try {
            return list(api);
        } catch (AuthError e) {
            throw e;
        } catch (ManagedServiceError e) {
            if (ApiErrors.isConnectionFailure(e) || ApiErrors.isRedirect(e)) {
                throw e;
            }
            throw new AuthError(
                    ErrorCode.AUTH_NO_ORG_ID,
                    "Token does not contain org_id, and neither " + apiUrl + "/me nor " + apiUrl
                            + "/organizations named one: " + e.problem(),
                    CHOOSE,
                    e);
        }
    }

    /** The org id travels in the X-Activeloop-Org-Id header, which carries printable ASCII only. */
    private static String sendable(String org, String source) {
        int bad = HeaderText.firstUnsendable(org);
        if (bad < 0) {
            return org;
        }
        throw new AuthError(
                ErrorCode.AUTH_NO_ORG_ID,
                source + " (\"" + org + "\") contains a character that cannot be sent in the X-Activeloop-Org-Id"
                        + " header (" + HeaderText.describe(org, bad) + ")",
                "Copy the organisation id again from the platform (it is printable ASCII, often a UUID), or "
                        + lower(CHOOSE));
    }

    private static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
