package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The texts a model wants before a query and before a stored document, as sentence-transformers applies them:
 * bge was trained with "Represent this sentence for searching relevant passages: " before queries and nothing
 * before passages, e5 with "query: " / "passage: ". A model read without them ranks worse. Empty strings mean no
 * prompt.
 */
public record Prompts(String query, String document) {

    /** No prompt on either side. */
    public static final Prompts NONE = new Prompts("", "");

    /** The sentence-transformers file that declares a model's prompts. */
    public static final String CONFIG = "config_sentence_transformers.json";

    /** bge's retrieval instruction (its English v1.5 models; the model card's recommendation for short queries). */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** Names sentence-transformers tries, in order, for documents. */
    private static final List<String> DOCUMENT_NAMES = List.of("document", "passage", "corpus");

    private static final ObjectMapper JSON = new ObjectMapper();

    public Prompts {
        query = query == null ? "" : query;
        document = document == null ? "" : document;
    }

    /** {@code text} as the model reads it when it is a query. */
    public String forQuery(String text) {
        return query + text;
    }

    /** The texts as the model reads them when they are stored documents. */
    public List<String> forDocuments(List<String> texts) {
        if (document.isEmpty()) {
            return texts;
        }
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(document + t);
        }
        return out;
    }

    /**
     * The prompts a {@code prompts} map and {@code default_prompt_name} declare: the query side is the
     * {@code "query"} prompt, the document side the first of {@code "document"}, {@code "passage"},
     * {@code "corpus"}; a side with none of its names gets the default prompt (none when no default is named).
     * {@code source} names the file or field in errors; an unknown default name is refused.
     */
    static Prompts fromSentenceTransformers(JsonNode config, String source) {
        JsonNode map = config.path("prompts");
        if (!map.isMissingNode() && !map.isNull() && !map.isObject()) {
            throw invalid(
                    source,
                    "\"prompts\" is " + map.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ", not an object of names to texts");
        }
        Map<String, String> prompts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw invalid(source, "prompt \"" + e.getKey() + "\" is not a text");
            }
            prompts.put(e.getKey(), e.getValue().asText());
        }
        JsonNode def = config.path("default_prompt_name");
        String fallback = "";
        if (!def.isMissingNode() && !def.isNull()) {
            if (!def.isTextual() || !prompts.containsKey(def.asText())) {
                throw invalid(source, "default_prompt_name " + def + " is not one of its prompts " + prompts.keySet());
            }
            fallback = prompts.get(def.asText());
        }
        String query = prompts.getOrDefault("query", fallback);
        String document = fallback;
        for (String n : DOCUMENT_NAMES) {
            if (prompts.containsKey(n)) {
                document = prompts.get(n);
                break;
            }
        }
        return new Prompts(query, document);
    }

    /** Whether {@code config} declares prompts at all (a map or a default name). */
    static boolean declares(JsonNode config) {
        JsonNode map = config.path("prompts");
        return (map.isObject() && map.size() > 0)
                || (!config.path("default_prompt_name").isMissingNode()
                        && !config.path("default_prompt_name").isNull());
    }

    /**
     * The prompts of the model in {@code dir}: the manifest's {@code "prompts"} / {@code "default_prompt_name"}
     * when it has them (a user's override), else {@value #CONFIG}, else what the model family is known to be
     * trained with ({@link #known}). A file that is not JSON, or that names an unknown default prompt, is a
     * {@link ModelError} naming the file.
     */
    static Prompts of(Path dir, Optional<JsonNode> manifest, String repo) {
        if (manifest.isPresent() && declares(manifest.get())) {
            return fromSentenceTransformers(
                    manifest.get(), dir.resolve(ModelFolder.MANIFEST).toString());
        }
        Path cfg = dir.resolve(CONFIG);
        if (Files.isRegularFile(cfg)) {
            JsonNode n;
            try {
                n = JSON.readTree(cfg.toFile());
            } catch (IOException e) {
                throw invalid(cfg.toString(), "it is not JSON (" + firstLine(e.getMessage()) + ")");
            }
            if (n == null || !n.isObject()) {
                throw invalid(cfg.toString(), "it is not a JSON object");
            }
            if (declares(n)) {
                return fromSentenceTransformers(n, cfg.toString());
            }
        }
        return known(repo);
    }

    /**
     * Prompts of model families whose repositories do not declare them: e5 ({@code "query: "} /
     * {@code "passage: "}, as its model card asks) and bge's English v1.5 models (the retrieval instruction before
     * queries, nothing before passages).
     */
    static Prompts known(String repo) {
        String r = repo == null ? "" : repo.toLowerCase(Locale.ROOT);
        if (r.contains("e5-") && !r.contains("instruct")) {
            return new Prompts("query: ", "passage: ");
        }
        if (r.contains("bge-") && r.contains("-en-v1.5")) {
            return new Prompts(BGE_QUERY_INSTRUCTION, "");
        }
        return NONE;
    }

    private static ModelError invalid(String file, String why) {
        return new ModelError(
                ErrorCode.MODEL_INVALID,
                "The prompts in " + file + " cannot be used: " + why,
                "Fix the file (a \"prompts\" object of names to texts, and a default_prompt_name that is one of"
                        + " them, or none), or set the prompts when pulling: lakebench models pull REPO"
                        + " --query-prompt TEXT --document-prompt TEXT");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
