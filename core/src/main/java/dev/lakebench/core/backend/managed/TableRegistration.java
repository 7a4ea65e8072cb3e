package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /workspaces/{ws}/tables {"table_name", "schema"}} after a table was created with SQL: it may tell
 * the table's dataset path. No public client shows this call's body, so it is optional: 404 or 405 means the
 * service has no such endpoint (remembered for the connection), and any other refusal leaves the table as SQL
 * made it. Only an auth failure, an unreachable service or a lost connection is reported.
 */
final class TableRegistration {

    private final ApiClient api;
    private final String workspace;
    private volatile boolean absent;

    TableRegistration(ApiClient api, String workspace) {
        this.api = api;
        this.workspace = workspace;
    }

    /** The dataset path the service answered, when it has the endpoint and said one. */
    Optional<String> register(String table, TableSchema schema) {
        if (absent) {
            return Optional.empty();
        }
        ObjectNode body = ApiClient.JSON.createObjectNode().put("table_name", table);
        ObjectNode types = body.putObject("schema");
        for (var c : schema.columns()) {
            types.put(c.name(), c.type().name());
        }
        // registering the same table twice is harmless, so a lost answer may be retried
        ApiCall call = new ApiCall(
                "POST",
                List.of("workspaces", workspace, "tables"),
                body,
                ApiCall.DEFAULT_TIMEOUT,
                true,
                "registering table \"" + table + "\"",
                ApiCall.Target.TABLE,
                table);
        try {
            JsonNode r = api.send(call, Cancellation.none());
            String path = r.path("dataset_path").asText("");
            return path.isBlank() ? Optional.empty() : Optional.of(path);
        } catch (AuthError e) {
            throw e;
        } catch (ManagedServiceError e) {
            if (ApiErrors.isConnectionFailure(e)) {
                throw e;
            }
            String status = e.details().getOrDefault("http_status", "");
            if (status.equals("404") || status.equals("405")) {
                absent = true;
            }
            return Optional.empty();
        }
    }

    boolean absent() {
        return absent;
    }
}
