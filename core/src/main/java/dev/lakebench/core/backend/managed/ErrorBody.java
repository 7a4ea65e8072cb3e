package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a failed answer says: the message ({@code error}, {@code message}, ... or the text), the service's
 * {@code code} (e.g. {@code QUERY_ERROR} on a failed statement) and {@code request_id}, and whether the body is
 * empty or an HTML page (a proxy's answer rather than the API's). Text is redacted as it is read.
 */
record ErrorBody(String message, String code, String requestId, boolean empty, boolean html) {

    /** The code the service puts on a statement PostgreSQL refused (answered with status 500). */
    static final String QUERY_ERROR = "QUERY_ERROR";

    static ErrorBody parse(byte[] body, UnaryOperator<String> redact) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new ErrorBody("", null, null, true, false);
        }
        String text = redact.apply(new String(body, StandardCharsets.UTF_8));
        String lower = text.toLowerCase(Locale.ROOT);
        boolean html = lower.contains("<html") || lower.contains("<!doctype html");
        String code = null;
        String requestId = null;
        try {
            JsonNode n = ApiClient.JSON.readTree(text);
            if (n != null && n.isObject()) {
                code = textField(n, "code");
                requestId = textField(n, "request_id");
            }
        } catch (IOException e) {
            // not JSON
        }
        String message = html ? htmlMessage(text) : ApiErrors.serverMessage(text.getBytes(StandardCharsets.UTF_8));
        return new ErrorBody(message, code, requestId, false, html);
    }

    private static String textField(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f != null && f.isValueNode() && !f.asText().isBlank() ? f.asText() : null;
    }

    /** An HTML error page's title or first heading (e.g. "502 Bad Gateway"), not its markup. */
    private static String htmlMessage(String text) {
        for (String tag : new String[] {"title", "h1"}) {
            var m = Pattern.compile("<" + tag + "[^>]*>(.*?)</" + tag + ">", Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                    .matcher(text);
            if (m.find() && !m.group(1).isBlank()) {
                return "HTML page \""
                        + m.group(1)
                                .replaceAll("<[^>]*>", "")
                                .replaceAll("\\s+", " ")
                                .strip() + "\"";
            }
        }
        return "an HTML page";
    }

    boolean queryError() {
        return QUERY_ERROR.equalsIgnoreCase(code);
    }

    boolean alreadyExists() {
        return message.toLowerCase(Locale.ROOT).contains("already exists");
    }

    /** The service could not even start on the request ("failed to get database connection"). */
    boolean notStarted() {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("failed to get database connection") || m.contains("connection pool");
    }
}
