package dev.lakebench.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.json.JavaJson;
import dev.lakebench.core.schema.Column;
import java.io.IOException;

/**
 * The text stored in a column declared json or jsonb: a string that must be one JSON document, or a Java value
 * (map, list, number, ...) written as its JSON. Text is checked before the row is written, as SQL's INSERT checks
 * it: the engine's appender would store any text, and a table holding text that is not JSON fails every query that
 * reads the column.
 */
final class JsonColumnValues {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonColumnValues() {}

    static String of(Column col, Object v, long row) {
        if (v instanceof CharSequence s) {
            String text = s.toString();
            String problem = problem(text);
            if (problem != null) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + col.name() + "\" (" + col.typeName() + ") holds JSON, but the value at row " + row
                                + " is not JSON (" + problem + "): " + abbreviated(text),
                        "Pass JSON text such as {\"a\": 1}, or a map or list, for this column");
            }
            return text;
        }
        // a map, list, array, number or boolean is written as its JSON, as a JSON library would
        try {
            return JavaJson.write(v);
        } catch (JavaJson.NotJson e) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Column \"" + col.name() + "\" (" + col.typeName() + ") holds JSON, but the value at row " + row
                            + " holds " + e.getMessage() + ", which JSON cannot hold",
                    "Pass JSON text, or maps, lists, strings, numbers, booleans and nulls, for this column");
        }
    }

    /** Why the text is not one JSON document, or null when it is. */
    private static String problem(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return "no value";
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                return "more than one value";
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? "\"" + text + "\"" : "\"" + text.substring(0, 57) + "...\"";
    }
}
