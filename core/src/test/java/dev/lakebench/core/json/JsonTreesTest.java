package dev.lakebench.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees read and written without a mapper are the ones a mapper reads and writes. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> SAMPLES = List.of(
            "{}",
            "[]",
            "42",
            "\"text\"",
            "null",
            "true",
            "{\"a\":1,\"b\":[1,2.5,-3e2,\"x\",null,true,false],\"c\":{\"d\":{}}}",
            "[2147483647,2147483648,-2147483649,9223372036854775807,9223372036854775808,1e400]",
            "[[[[[]]]],{\"k\":[{}]}]",
            "{\"dup\":1,\"dup\":[2]}",
            "{\"uni\":\"é \\u00e9 \\n \\\" \\\\ 😀\"}",
            "  {\"trailing\": 1}  {\"ignored\": 2}",
            "[0.1, 0.30000000000000004, 1.0, -0.0]");

    @Test
    void readsTheTreesAMapperReads() throws IOException {
        for (String json : SAMPLES) {
            JsonNode ours = JsonTrees.read(json);
            assertThat(ours).as(json).isEqualTo(MAPPER.readTree(json));
            assertThat(ours.getClass()).as(json).isEqualTo(MAPPER.readTree(json).getClass());
        }
    }

    @Test
    void readsNumbersAsTheMapperTypesThem() throws IOException {
        JsonNode ours = JsonTrees.read("[1,2147483648,9223372036854775808,1.5]");
        JsonNode theirs = MAPPER.readTree("[1,2147483648,9223372036854775808,1.5]");
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).numberType()).isEqualTo(theirs.get(i).numberType());
        }
    }

    @Test
    void writesTheTextAMapperWrites() throws IOException {
        for (String json : SAMPLES) {
            JsonNode tree = MAPPER.readTree(json);
            assertThat(JsonTrees.toJson(tree)).as(json).isEqualTo(MAPPER.writeValueAsString(tree));
            assertThat(JsonTrees.toPrettyJson(tree)).as(json).isEqualTo(tree.toPrettyString());
        }
    }

    @Test
    void readsAFileAndGivesMissingForNoValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"dark\",\"split\":[0.25,0.75]}");
        assertThat(JsonTrees.read(file)).isEqualTo(MAPPER.readTree(file.toFile()));
        Files.writeString(file, " \n ");
        assertThat(JsonTrees.read(file)).isSameAs(MissingNode.getInstance());
        assertThat(JsonTrees.read("")).isSameAs(MissingNode.getInstance());
    }

    @Test
    void badJsonFailsAsTheMapperDoes() {
        for (String bad : List.of("{\"a\":", "[1,2", "{\"a\" 1}", "[1,]x", "{'a':1}", "nul")) {
            assertThatThrownBy(() -> JsonTrees.read(bad)).as(bad).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> MAPPER.readTree(bad)).as(bad).isInstanceOf(IOException.class);
        }
    }

    @Test
    void deepNestingIsBoundedByTheParserNotTheStack() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> JsonTrees.read(deep))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nesting depth");
    }
}
