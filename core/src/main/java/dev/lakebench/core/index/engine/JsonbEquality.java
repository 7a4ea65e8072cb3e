package dev.lakebench.core.index.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;

/**
 * jsonb equality as PostgreSQL defines it: the same document whatever the key order, spacing or number spelling
 * ({@code 1} equals {@code 1.0}); arrays keep their order. Text that is not JSON is unequal to everything.
 */
final class JsonbEquality {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Numbers compare by value; every other node by its own equality (objects ignore key order). */
    private static final Comparator<JsonNode> NUMBERS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonbEquality() {}

    static boolean equal(String a, String b) {
        try {
            return JSON.readTree(a).equals(NUMBERS, JSON.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
