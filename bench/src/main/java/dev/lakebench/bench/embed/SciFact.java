package dev.lakebench.bench.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BEIR SciFact sample packaged with the harness (resources/beir-scifact-sample: 1,000 abstracts, the 300 test
 * claims and their 339 relevance judgments): documents as BEIR indexes them (title, a space, the abstract).
 */
record SciFact(
        List<String> docIds,
        List<String> docTexts,
        List<String> queryIds,
        List<String> queryTexts,
        Map<String, Set<String>> relevant) {

    private static final String ROOT = "/beir-scifact-sample/";

    static SciFact load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : lines("corpus.jsonl")) {
            JsonNode n = json.readTree(line);
            ids.add(n.get("_id").asText());
            texts.add((n.path("title").asText() + " " + n.path("text").asText()).strip());
        }
        Map<String, Set<String>> rel = new LinkedHashMap<>();
        for (String line : lines("qrels/test.tsv")) {
            String[] p = line.split("\t");
            if (p.length == 3 && !p[0].equals("query-id") && Integer.parseInt(p[2]) > 0) {
                rel.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[1]);
            }
        }
        List<String> qids = new ArrayList<>();
        List<String> qtexts = new ArrayList<>();
        for (String line : lines("queries.jsonl")) {
            JsonNode n = json.readTree(line);
            if (rel.containsKey(n.get("_id").asText())) {
                qids.add(n.get("_id").asText());
                qtexts.add(n.get("text").asText());
            }
        }
        return new SciFact(ids, texts, qids, qtexts, rel);
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = SciFact.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("missing resource " + ROOT + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }

    /** nDCG@10 with binary relevance, averaged over the queries. */
    double ndcg10(List<List<String>> rankings) {
        double sum = 0;
        for (int q = 0; q < queryIds.size(); q++) {
            Set<String> rel = relevant.get(queryIds.get(q));
            List<String> ranked = rankings.get(q);
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                if (rel.contains(ranked.get(i))) {
                    dcg += 1 / (Math.log(i + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(10, rel.size()); i++) {
                ideal += 1 / (Math.log(i + 2) / Math.log(2));
            }
            sum += dcg / ideal;
        }
        return sum / queryIds.size();
    }
}
