package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.TokenError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API token. It is only ever written into the {@code Authorization} header: {@link #toString()} is redacted
 * and no error message quotes it. The token is a JWT whose payload may carry the org id ({@code org_id} or
 * {@code OrgID}).
 */
public final class ApiToken {

    /** The environment variable a missing token falls back to (as the seed's client). */
    public static final String ENV = "DEEPLAKE_API_KEY";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /** Wraps a token; a blank one counts as missing ({@code AuthError: Token required}). */
    public static ApiToken of(String token) {
        return resolve(token, name -> null);
    }

    /**
     * The given token, else {@code DEEPLAKE_API_KEY} from {@code env}, else {@code AuthError: Token required}; a
     * token holding a character an HTTP header cannot carry is a {@link TokenError}.
     */
    public static ApiToken resolve(String token, Function<String, String> env) {
        String t = token;
        if (t == null || t.isBlank()) {
            t = env.apply(ENV);
        }
        if (t == null || t.isBlank()) {
            throw new AuthError(
                    ErrorCode.AUTH_TOKEN_REQUIRED,
                    "Token required",
                    "Pass a token to Client.managed(...), set " + ENV + ", or run lakebench login --remote URL");
        }
        String value = t.strip();
        int bad = HeaderText.firstUnsendable(value);
        if (bad >= 0) {
            // never quote the token: only the character and where it is
            throw new TokenError(
                    ErrorCode.TOKEN_MALFORMED,
                    "Token contains a character that cannot be sent in the Authorization header ("
                            + HeaderText.describe(value, bad) + ")",
                    "Copy the token again from the platform's API token page, without quotes, ellipses or"
                            + " invisible spaces");
        }
        return new ApiToken(value);
    }

    /** The header value; callers put it on the wire and nowhere else. */
    String bearer() {
        return "Bearer " + value;
    }

    /**
     * The org claim of the JWT payload ({@code org_id}, else {@code OrgID}); empty when the token is not a JWT or has no such claim. A token
     * that looks like a JWT but whose payload is not base64url JSON is a {@link TokenError}.
     */
    public Optional<String> orgIdClaim() {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(Base64.getUrlDecoder().decode(pad(parts[1])));
        } catch (IllegalArgumentException | IOException e) {
            throw new TokenError(
                    ErrorCode.TOKEN_MALFORMED,
                    "Token could not be parsed: its payload is not base64url-encoded JSON",
                    "Copy the whole token again from the platform's API token page",
                    null);
        }
        if (payload == null || !payload.isObject()) {
            throw new TokenError(
                    ErrorCode.TOKEN_MALFORMED,
                    "Token could not be parsed: its payload is not a JSON object",
                    "Copy the whole token again from the platform's API token page");
        }
        // API tokens minted by the service carry org_id; older tokens and the protocol's examples carry OrgID
        for (String claim : new String[] {"org_id", "OrgID"}) {
            JsonNode org = payload.get(claim);
            if (org != null
                    && org.isValueNode()
                    && !org.isNull()
                    && !org.asText().isBlank()) {
                return Optional.of(org.asText());
            }
        }
        return Optional.empty();
    }

    private static String pad(String s) {
        return switch (s.length() % 4) {
            case 2 -> s + "==";
            case 3 -> s + "=";
            default -> s;
        };
    }

    /** True when both hold the same token (compares without exposing it). */
    public boolean sameAs(ApiToken other) {
        return other != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Shortest piece of the token recognised on its own (a cut-off echo still gives this much away). */
    private static final int PIECE = 12;

    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    /**
     * {@code text} with the token removed, for messages that echo what a server or a library said. Echoes are
     * often cut (an excerpt, a parser quoting the first characters), so any run of token characters that holds
     * {@value #PIECE} consecutive characters of the token is replaced, not only the whole token.
     */
    String redactFrom(String text) {
        if (text == null || value.length() < 8) {
            return text;
        }
        String t = text.replace(value, "[redacted]");
        int piece = Math.min(PIECE, value.length());
        Matcher m = TOKEN_CHARS.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        int last = 0;
        while (m.find()) {
            String run = m.group();
            if (run.length() >= piece && holdsPiece(run, piece)) {
                out.append(t, last, m.start()).append("[redacted]");
                last = m.end();
            }
        }
        return last == 0 ? t : out.append(t, last, t.length()).toString();
    }

    private boolean holdsPiece(String run, int piece) {
        for (int i = 0; i + piece <= run.length(); i++) {
            if (value.contains(run.substring(i, i + piece))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
