package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which prompts a model folder declares, read as sentence-transformers reads them, and what overrides them. */
class PromptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Prompts read(String json) throws Exception {
        return Prompts.fromSentenceTransformers(JSON.readTree(json), "the file");
    }

    @Test
    void queryAndDocumentSidesComeFromTheirNamesAndTheDefaultFillsTheRest() throws Exception {
        assertThat(read("{\"prompts\": {\"query\": \"q: \", \"document\": \"d: \"}}"))
                .isEqualTo(new Prompts("q: ", "d: "));
        // sentence-transformers' document names, in its order
        assertThat(read("{\"prompts\": {\"query\": \"q: \", \"passage\": \"p: \", \"corpus\": \"c: \"}}"))
                .isEqualTo(new Prompts("q: ", "p: "));
        assertThat(read("{\"prompts\": {\"corpus\": \"c: \"}}")).isEqualTo(new Prompts("", "c: "));
        // a default prompt goes wherever a side has no prompt of its own
        assertThat(
                        read(
                                "{\"prompts\": {\"query\": \"q: \", \"clustering\": \"x: \"}, \"default_prompt_name\": \"clustering\"}"))
                .isEqualTo(new Prompts("q: ", "x: "));
        assertThat(read("{\"__version__\": {}}")).isEqualTo(Prompts.NONE);
        assertThat(read("{\"prompts\": {}, \"default_prompt_name\": null}")).isEqualTo(Prompts.NONE);
    }

    @Test
    void badDeclarationsAreRefusedNamingTheSource() {
        assertThatThrownBy(() -> read("{\"prompts\": {\"query\": \"q: \"}, \"default_prompt_name\": \"nope\"}"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("the file")
                .hasMessageContaining("\"nope\"");
        assertThatThrownBy(() -> read("{\"prompts\": [\"q: \"]}"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> read("{\"prompts\": {\"query\": 3}}"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("prompt \"query\" is not a text");
    }

    @Test
    void theManifestOverridesTheConfigWhichOverridesTheModelFamily() throws Exception {
        Files.writeString(dir.resolve(Prompts.CONFIG), "{\"prompts\": {\"query\": \"cfg: \"}}");
        JsonNode manifest = JSON.readTree(
                "{\"repo\": \"BAAI/bge-small-en-v1.5\", \"prompts\": {\"query\": \"\", \"document\": \"\"}}");
        assertThat(Prompts.of(dir, Optional.of(manifest), "BAAI/bge-small-en-v1.5"))
                .isEqualTo(Prompts.NONE);
        JsonNode plain = JSON.readTree("{\"repo\": \"BAAI/bge-small-en-v1.5\"}");
        assertThat(Prompts.of(dir, Optional.of(plain), "BAAI/bge-small-en-v1.5"))
                .isEqualTo(new Prompts("cfg: ", ""));
        // a config that declares no prompts leaves it to what the family is known to want
        Files.writeString(dir.resolve(Prompts.CONFIG), "{\"__version__\": {\"sentence_transformers\": \"2.2.2\"}}");
        assertThat(Prompts.of(dir, Optional.of(plain), "BAAI/bge-small-en-v1.5"))
                .isEqualTo(new Prompts(Prompts.BGE_QUERY_INSTRUCTION, ""));
        assertThat(Prompts.of(dir, Optional.of(plain), "intfloat/e5-small-v2"))
                .isEqualTo(new Prompts("query: ", "passage: "));
        assertThat(Prompts.of(dir, Optional.of(plain), "sentence-transformers/all-MiniLM-L6-v2"))
                .isEqualTo(Prompts.NONE);
        Files.writeString(dir.resolve(Prompts.CONFIG), "[1, 2");
        assertThatThrownBy(() -> Prompts.of(dir, Optional.of(plain), "x/y"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining(dir.resolve(Prompts.CONFIG).toString())
                .hasMessageContaining("not JSON");
    }
}
