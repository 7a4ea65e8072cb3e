package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the JSON of dataset metadata, with errors that name the file and the line. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot read " + file + " as JSON: " + firstLine(e),
                    "Check that the file is complete, valid JSON");
        }
    }

    /** One JSON value per non-empty line. */
    static List<JsonNode> readLines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new IngestError(
                            ErrorCode.INGEST_BAD_DATA,
                            "Cannot read line " + n + " of " + file + " as JSON: " + firstLine(e),
                            "Each line of a .jsonl file must be one JSON object");
                }
            }
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file is readable");
        }
        return out;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
