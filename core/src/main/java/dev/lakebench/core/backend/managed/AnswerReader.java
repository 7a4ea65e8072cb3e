package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a query answer — {@code {"columns": [..], "rows": [[..], ..], "row_count": n}}, an empty body,
 * {@code {}}, or {@code null} / missing {@code columns} and {@code rows} (no rows, as the service's clients read it) — with Jackson's streaming parser: each row is read and decoded on its own, so no tree of the whole
 * answer is built (only the rows themselves are kept). Unknown fields are skipped.
 */
final class AnswerReader {

    /** What an answer held: no columns at all means a statement without a result. */
    record Answer(List<ResultColumn> columns, List<Row> rows, long rowCount, boolean hasResult) {}

    private AnswerReader() {}

    static Answer read(InputStream in, Function<List<String>, RowDecoder> decoders) throws IOException {
        try (JsonParser p = ApiClient.JSON.getFactory().createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Answer(List.of(), List.of(), -1, false);
            }
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new Answer(List.of(), List.of(), -1, false);
            }
            List<String> names = null;
            RowDecoder decoder = null;
            List<Row> rows = new ArrayList<>();
            List<JsonNode> early = null;
            boolean sawRows = false;
            long rowCount = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "columns" -> {
                        if (value == JsonToken.VALUE_NULL) {
                            // the service may send an empty list as null: no result columns
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            throw new JsonParseException(p, "\"columns\" is not a list");
                        }
                        names = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode c = ApiClient.JSON.readTree(p);
                            names.add(c.isObject() ? c.path("name").asText() : c.asText());
                        }
                        decoder = decoders.apply(names);
                        if (early != null) {
                            for (JsonNode r : early) {
                                rows.add(decoder.decode(r));
                            }
                            early = null;
                        }
                    }
                    case "rows" -> {
                        if (value == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            throw new JsonParseException(p, "\"rows\" is not a list");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            sawRows = true;
                            JsonNode r = ApiClient.JSON.readTree(p);
                            if (decoder != null) {
                                rows.add(decoder.decode(r));
                            } else {
                                // rows before columns: kept until the names arrive
                                (early == null ? early = new ArrayList<>() : early).add(r);
                            }
                        }
                    }
                    case "row_count" -> rowCount = p.getValueAsLong(-1);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON answer");
            }
            if (names == null) {
                if (sawRows) {
                    // rows without names cannot be read; no rows (e.g. "rows": []) is simply no result
                    throw new JsonParseException(p, "an answer with \"rows\" but no \"columns\" list");
                }
                return new Answer(List.of(), List.of(), rowCount, false);
            }
            return new Answer(decoder.columns(), rows, rowCount, true);
        }
    }
}
