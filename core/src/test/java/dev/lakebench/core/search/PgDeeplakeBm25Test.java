package dev.lakebench.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BM25 scores equal pg_deeplake's: its hybrid-search regression test ranks the keywords of 26 documents for
 * 'machine learning' and expects 5.057182, 1.8425648 and 1.6849195 (within 1e-6), only the three documents that
 * contain a query word. Exact scoring and a BM25 index give the same scores.
 */
class PgDeeplakeBm25Test {

    static final String[] KEYWORDS = {
        "machine learning algorithms introduction",
        "data science guide methodologies",
        "artificial intelligence neural networks deep learning",
        "python programming tutorial advanced",
        "database design optimization principles",
        "nlp natural language processing ai",
        "cloud computing infrastructure distributed systems",
        "computer vision image recognition object detection",
        "big data architecture scalability",
        "reinforcement learning agents decision making",
        "devops automation ci/cd pipelines",
        "cybersecurity threats vulnerabilities protection",
        "edge computing low latency data processing",
        "graph databases relationships queries",
        "quantum computing algorithms qubits",
        "explainable ai model interpretability",
        "time series analysis forecasting temporal",
        "generative models gans vae synthetic data",
        "feature engineering model performance",
        "model deployment production environments",
        "ai ethics ethical considerations",
        "data privacy principles techniques",
        "robotics automation ai integration",
        "ai-driven decision making complex processes",
        "ai in healthcare medical research",
        "ai in finance banking financial services"
    };

    @TempDir
    Path dir;

    @Test
    void scoresArePgDeeplakeScoresExactAndIndexed() {
        try (Client client = Client.local(dir)) {
            client.query("CREATE TABLE documents (id SERIAL PRIMARY KEY, keywords text) USING deeplake");
            for (String k : KEYWORDS) {
                client.query("INSERT INTO documents (keywords) VALUES ($1)", k);
            }
            expectPgDeeplake(client);
            client.query("CREATE INDEX index_for_keywords ON documents USING deeplake_index (keywords DESC)");
            assertThat(client.query(
                                    "EXPLAIN SELECT id, keywords <#> 'machine learning' AS score FROM documents ORDER BY score LIMIT 10")
                            .toString())
                    .contains("index_for_keywords");
            expectPgDeeplake(client);
        }
    }

    private static void expectPgDeeplake(Client client) {
        List<Row> rows = client.query(
                "SELECT id, keywords <#> 'machine learning' AS score FROM documents ORDER BY score LIMIT 10");
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(1L, 10L, 3L);
        assertThat((Double) rows.get(0).get("score")).isCloseTo(5.057182, within(1e-6));
        assertThat((Double) rows.get(1).get("score")).isCloseTo(1.8425648, within(1e-6));
        assertThat((Double) rows.get(2).get("score")).isCloseTo(1.6849195, within(1e-6));
    }
}
