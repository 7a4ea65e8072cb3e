package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the top-level arrays of a COCO JSON file ({@code images}, {@code annotations}, {@code categories},
 * ...) element by element, so that a training-set file of hundreds of megabytes never becomes one tree.
 */
final class CocoJson {

    private CocoJson() {}

    /** Calls the handler of each named top-level array once per element; other fields are skipped. */
    static void read(Path file, Map<String, Consumer<JsonNode>> arrays) {
        try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notCoco(file, "it does not hold a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                Consumer<JsonNode> handler = arrays.get(field);
                if (handler != null && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        handler.accept(Json.MAPPER.readTree(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot read " + file + " as COCO JSON: " + Json.firstLine(e),
                    "Check that the file is complete, valid JSON");
        }
    }

    static IngestError notCoco(Path file, String why) {
        return new IngestError(
                ErrorCode.INGEST_BAD_DATA,
                "Not a COCO annotation file: " + file + " (" + why + ")",
                "Pass the instances_*.json (or panoptic_*.json) file of the dataset");
    }
}
