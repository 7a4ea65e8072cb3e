package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.backend.local.LocalBackend;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.tiny.TinyBertModel;
import dev.lakebench.core.hub.HubClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sentence encoder pulled from a (loopback) Hub with a sentence-transformers prompt config: stored texts are
 * read with its document prompt, queries ({@code embed()} in SQL, compared with a column or not) with its query
 * prompt; every vector is checked against the tiny encoder's own vector of prompt + text. A column keeps the
 * prompts it was made with; bad prompt files are refused naming the file.
 */
public class ModelPromptsTest {

    public static final String REPO = "test/tiny-bge";
    static final String QUERY = "Represent this sentence for searching relevant passages: ";
    static final String DOCUMENT = "passage: ";
    static final List<String> TEXTS = List.of("red tulips in spring", "tax return deadline", "a penalty saved");

    @TempDir
    Path dir;

    FakeHub hub;
    ModelStore store;
    BertOnnxEmbedder reference;

    static byte[] tokenizer() throws Exception {
        try (InputStream in = ModelPromptsTest.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            return in.readAllBytes();
        }
    }

    /** The repository: the tiny encoder, a tokenizer, CLS pooling and {@code promptConfig} (if not null). */
    public static Map<String, byte[]> repo(String promptConfig) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("onnx/model.onnx", TinyBertModel.bytes());
        files.put("tokenizer.json", tokenizer());
        files.put("1_Pooling/config.json", "{\"pooling_mode_cls_token\": true}".getBytes(StandardCharsets.UTF_8));
        if (promptConfig != null) {
            files.put(Prompts.CONFIG, promptConfig.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    public static String config(String query, String document) {
        return "{\"__version__\": {\"sentence_transformers\": \"3.0.1\"}, \"prompts\": {\"query\": \"" + query
                + "\", \"document\": \"" + document + "\"}, \"default_prompt_name\": null}";
    }

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub().serve(REPO, repo(config(QUERY, DOCUMENT)));
        store = new ModelStore(dir);
        reference = new BertOnnxEmbedder(
                "reference",
                NativeRuntime.environment(dir.resolve("cache")),
                TinyBertModel.bytes(),
                new ByteArrayInputStream(tokenizer()),
                512,
                Prompts.NONE,
                Pooling.CLS);
    }

    @AfterEach
    void stop() {
        reference.close();
        hub.close();
    }

    private ModelPull pull() {
        return new ModelPull(new HubClient(hub.endpoint(), null), store);
    }

    /** The tiny encoder's vector of exactly {@code text}. */
    private float[] ref(String text) {
        return reference.embedTexts(List.of(text)).vectors()[0];
    }

    private static Map<String, float[]> stored(Client client, String column) {
        Map<String, float[]> out = new HashMap<>();
        for (Row r : client.query("SELECT text, " + column + " AS v FROM notes WHERE " + column + " IS NOT NULL")) {
            out.put(r.getString("text"), r.getVector("v"));
        }
        return out;
    }

    private static double score(Client client, String text, String sql, Object... params) {
        for (Row r : client.query(sql, params)) {
            if (r.getString("text").equals(text)) {
                return ((Number) r.get("s")).doubleValue();
            }
        }
        throw new AssertionError("no row " + text);
    }

    @Test
    void pulledPromptsGoBeforeStoredTextsAndQueries() {
        assertThat(pull().pull(REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isPresent();
        assertThat(hub.requests).anyMatch(r -> r.endsWith("/" + Prompts.CONFIG));
        assertThat(dir.resolve("models/test--tiny-bge").resolve(Prompts.CONFIG)).exists();
        Embedder model = store.models().get(REPO);
        assertThat(model.prompts()).isEqualTo(new Prompts(QUERY, DOCUMENT));

        try (Client client = Client.local(dir)) {
            client.ingest(
                    "notes", Map.of("text", TEXTS), IngestOptions.defaults().embed("text", REPO));
            Map<String, float[]> vectors = stored(client, "text_embedding");
            assertThat(vectors).hasSize(3);
            for (String t : TEXTS) {
                assertThat(vectors.get(t)).as(t).containsExactly(ref(DOCUMENT + t));
            }
            // a query vector is the encoder's vector of the query prompt and the text
            float[] q = client.query("SELECT embed('" + REPO + "', 'red flowers') AS v")
                    .get(0)
                    .getVector("v");
            assertThat(q).containsExactly(ref(QUERY + "red flowers"));
            assertThat(Vectors.dot(q, ref("red flowers"))).isLessThan(0.999f);
            // compared with the column (one-argument form: the column's model), the same prompt
            double s = score(
                    client,
                    "tax return deadline",
                    "SELECT text, text_embedding <#> embed($1) AS s FROM notes",
                    "red flowers");
            assertThat(s)
                    .isCloseTo(
                            Vectors.dot(ref(QUERY + "red flowers"), vectors.get("tax return deadline")), within(1e-5));
            var entry = new EmbeddingCatalog(((LocalBackend) client.backend()).workspace())
                    .find("notes", "text_embedding")
                    .orElseThrow();
            assertThat(entry.prompts()).isEqualTo(new Prompts(QUERY, DOCUMENT));
        }
    }

    @Test
    void aColumnIsQueriedAndFilledWithThePromptsItWasMadeWithAfterTheModelsPromptsChange() {
        assertThat(pull().pull(REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isPresent();
        try (Client client = Client.local(dir)) {
            client.ingest(
                    "notes", Map.of("text", TEXTS), IngestOptions.defaults().embed("text", REPO));
            float[] before = client.query("SELECT embed('" + REPO + "', 'red') AS v")
                    .get(0)
                    .getVector("v");
            assertThat(before).containsExactly(ref(QUERY + "red"));

            // pulled again with prompts of the user's own: they override the repository's
            assertThat(pull().pull(REPO, null, new Prompts("Q2: ", "D2: "), (d, t, f) -> {}, Cancellation.none()))
                    .isPresent();
            assertThat(store.models().get(REPO).prompts()).isEqualTo(new Prompts("Q2: ", "D2: "));
            // a free-standing query uses the new query prompt: no vector cached under the old prompt comes back
            float[] after = client.query("SELECT embed('" + REPO + "', 'red') AS v")
                    .get(0)
                    .getVector("v");
            assertThat(after).containsExactly(ref("Q2: red"));
            // the column made with the repository's prompts is still queried with its matching query prompt
            Map<String, float[]> vectors = stored(client, "text_embedding");
            double s = score(
                    client,
                    "a penalty saved",
                    "SELECT text, text_embedding <#> embed('" + REPO + "', 'red') AS s FROM notes");
            assertThat(s).isCloseTo(Vectors.dot(ref(QUERY + "red"), vectors.get("a penalty saved")), within(1e-5));

            // a backfill of new rows into that column keeps its document prompt; a new column gets the new one
            client.ingest("notes", Map.of("text", List.of("fresh bread")), IngestOptions.defaults());
            ColumnEmbedder embedder = new ColumnEmbedder((LocalBackend) client.backend());
            assertThat(embedder.run(EmbedJob.of("notes", "text", REPO, null), null, Cancellation.none())
                            .embedded())
                    .isEqualTo(1);
            assertThat(stored(client, "text_embedding").get("fresh bread"))
                    .containsExactly(ref(DOCUMENT + "fresh bread"));
            embedder.run(EmbedJob.of("notes", "text", REPO, "v2"), null, Cancellation.none());
            assertThat(stored(client, "v2").get("fresh bread")).containsExactly(ref("D2: fresh bread"));
            double s2 =
                    score(client, "fresh bread", "SELECT text, v2 <#> embed('" + REPO + "', 'red') AS s FROM notes");
            assertThat(s2).isCloseTo(Vectors.dot(ref("Q2: red"), ref("D2: fresh bread")), within(1e-5));
        }
    }

    @Test
    void aPromptsFileThatIsNotJsonIsRefusedNamingTheFileAndAnOverrideStillPulls() throws Exception {
        hub.serve(REPO, repo("{\"prompts\": {\"query\": \"q: \""));
        assertThatThrownBy(() -> pull().pull(REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining(Prompts.CONFIG)
                .hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((ModelError) e).hint()).contains("--query-prompt"));
        assertThat(store.list()).extracting(ModelInfo::name).containsExactly("minilm");
        // prompts given with the pull replace the broken file's
        assertThat(pull().pull(REPO, null, new Prompts("q: ", ""), (d, t, f) -> {}, Cancellation.none()))
                .isPresent();
        assertThat(store.models().get(REPO).prompts()).isEqualTo(new Prompts("q: ", ""));
    }

    @Test
    void anUnknownDefaultPromptNameIsRefusedNamingTheFileAndTheName() throws Exception {
        hub.serve(REPO, repo("{\"prompts\": {\"query\": \"q: \"}, \"default_prompt_name\": \"retrieval\"}"));
        assertThatThrownBy(() -> pull().pull(REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining(Prompts.CONFIG)
                .hasMessageContaining("default_prompt_name \"retrieval\"")
                .hasMessageContaining("[query]");
    }

    @Test
    void aModelFolderWhosePromptsFileBreaksLaterFailsToLoadNamingTheFile() throws Exception {
        assertThat(pull().pull(REPO, null, (d, t, f) -> {}, Cancellation.none()))
                .isPresent();
        store.models().unload(REPO);
        Path cfg = dir.resolve("models/test--tiny-bge").resolve(Prompts.CONFIG);
        Files.writeString(cfg, "not json at all");
        assertThatThrownBy(() -> store.models().get(REPO))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining(cfg.toString())
                .hasMessageContaining("not JSON");
        // nothing was deleted: fixing the file makes the model load again
        Files.writeString(cfg, config("fixed: ", ""));
        assertThat(store.models().get(REPO).prompts()).isEqualTo(new Prompts("fixed: ", ""));
    }
}
