package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.json.JsonTrees;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON written through the generator is the text an {@code ObjectMapper} writes for the same tree. */
class JsonValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyKindOfValueIsWrittenAsAMapperWritesIt() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "quote \" backslash \\ newline \n tab \t é ☃");
        values.put("long", Long.MIN_VALUE);
        values.put("int", 42);
        values.put("double", 0.1 + 0.2);
        values.put("nan", Double.NaN);
        values.put("float", 1.1f);
        values.put("bool", true);
        values.put("decimal", new BigDecimal("12345678901234567890.000000000001"));
        values.put("big", new BigInteger("123456789012345678901234567890"));
        values.put("bytes", new byte[] {0, 1, (byte) 0xff});
        values.put("vector", new float[] {0.5f, -1e-7f, 3.4e38f});
        values.put("matrix", new float[][] {{1f, 2f}, {}});
        values.put("null", null);
        values.put("list", Arrays.asList("a", null, 2L, List.of()));
        values.put("map", Map.of("k", 1L));
        ObjectNode tree = JsonValues.object();
        values.forEach((k, v) -> tree.set(k, JsonValues.value(v)));
        ArrayNode outer = JsonValues.array().add(tree).add(JsonValues.object()).addNull();

        assertThat(JsonTrees.toJson(outer)).isEqualTo(MAPPER.writeValueAsString(outer));
        assertThat(JsonTrees.toJson(tree)).contains("\"float\":1.1,", "\"bytes\":\"AAH/\"", "\"nan\":\"NaN\"");
    }

    @Test
    void parsedTreesAreWrittenBackUnchanged() throws Exception {
        String json = "{\"a\":[1,2.5,-3e-5,12345678901234567890123],\"b\":{\"c\":null,\"d\":false},\"e\":\"x\"}";
        assertThat(JsonTrees.toJson(JsonValues.mapper().readTree(json)))
                .isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(json)));
    }
}
