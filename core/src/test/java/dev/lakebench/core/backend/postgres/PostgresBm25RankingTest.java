package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.index.text.WordAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-SQL BM25 (no pg_search) against the local engine on real text: the paragraphs of the Debian FAQ and
 * other real files, with punctuation, digits, hyphens, apostrophes, possessives and mixed case, plus lines of
 * accented, decomposed, Greek, Devanagari, Thai and CJK text. The server splits every text into the same words as
 * the local engine, and the top 10 of a few dozen queries agree row for row, with scores within 1e-6.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBm25RankingTest {

    static final List<String> UNICODE_LINES = List.of(
            "Café CAFÉ naïve nai\u0308ve résumé — Ærøskøbing's ferry, O'Reilly’s book",
            "ΣΊΣΥΦΟΣ and Σίσυφος; İstanbul, STRASSE Straße ½ x² ٣٤ ۵۶",
            "हिन्दी भाषा and ไทย ภาษา, 東京大学 と 日本語のテキスト, 한국어 문장, \uD840\uDC00\uD840\uDC01",
            "e-mail bob@example.org, https://www.debian.org/doc/ v1.2.3 3.14 C++ x_y foo/bar.txt don't -dash- 'quoted'");

    static final List<String> QUERIES = List.of(
            "apt-get install",
            "dpkg",
            "non-free software",
            "e-mail address",
            "Debian's",
            "debian",
            "it's",
            "don't",
            "32-bit 64-bit",
            "i386 amd64",
            "X11 window system",
            "CD-ROM",
            "up-to-date packages",
            "release-critical bugs",
            "dpkg-deb",
            "update-alternatives",
            "full-upgrade",
            "kernel",
            "Linux kernel 2.6",
            "libc6",
            "security updates",
            "bug report",
            "mailing list",
            "sources.list",
            "unstable testing stable",
            "The",
            "GNU/Linux",
            "Debian-specific",
            "Unix-like operating system",
            "user's",
            "What's new",
            "XYZ-3",
            "little-endian",
            "FTP",
            "debian-user",
            "packages dependencies conflicts",
            "naïve café",
            "東京",
            "σίσυφος");

    @TempDir
    static Path dir;

    @RegisterExtension
    static final PgTestDatabase pgdb = new PgTestDatabase();

    Client pg;
    Client local;
    final List<String> texts = new ArrayList<>();

    @BeforeAll
    void load() throws Exception {
        Path data = Path.of(System.getProperty("lakebench.testData"), "text-sample");
        for (String file : List.of("debian-faq.en.txt", "README-iso-codes.md", "basic-defs.en.html", "iris.rst")) {
            for (String p : Files.readString(data.resolve(file)).split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    texts.add(p.strip());
                }
            }
        }
        texts.addAll(UNICODE_LINES);
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= texts.size(); i++) {
            ids.add(i);
        }
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("id", ids);
        columns.put("body", texts);
        pg = pgdb.client();
        local = pgdb.ingestHereAndLocally("docs", columns, dir);
    }

    @Test
    void theServerSplitsRealTextIntoTheLocalEnginesWords() throws Exception {
        assertThat(texts).hasSizeGreaterThan(1000);
        try (Connection c = DriverManager.getConnection(pgdb.url());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT i, lakebench.words(t) FROM unnest(?::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i")) {
            ps.setArray(1, c.createArrayOf("text", texts.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    String text = texts.get(rs.getInt(1) - 1);
                    Array words = rs.getArray(2);
                    assertThat(Arrays.asList((Object[]) words.getArray()))
                            .as("the words of %s", text)
                            .isEqualTo(WordAnalyzer.terms(text));
                    n++;
                }
                assertThat(n).isEqualTo(texts.size());
            }
        }
    }

    /**
     * Top 10 of each query: the same scores rank by rank (within 1e-6) and the same rows, where rows of equal score
     * may come in either order and the last group of equal scores may be cut at different rows (ties are the only
     * freedom).
     */
    @Test
    void topTenOfEveryQueryAgreesWithTheLocalEngine() {
        String sql = "SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC, id LIMIT 10";
        String wide = "SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC, id LIMIT 100";
        for (String q : QUERIES) {
            List<Row> server = pg.query(sql, q);
            List<Row> engine = local.query(sql, q);
            String both = "\"" + q + "\": server " + server + ", local engine " + engine;
            assertThat(engine).as("local results for %s", q).isNotEmpty();
            assertThat(server).as(both).hasSameSizeAs(engine);
            for (int i = 0; i < server.size(); i++) {
                assertThat(score(server.get(i)))
                        .as("score %d of %s", i, both)
                        .isCloseTo(score(engine.get(i)), within(1e-6));
            }
            double last = score(engine.get(engine.size() - 1));
            assertThat(idsAbove(server, last)).as(both).isEqualTo(idsAbove(engine, last));
            Set<Object> tiedOnServer = new HashSet<>();
            for (Row r : pg.query(wide, q)) {
                if (Math.abs(score(r) - last) <= 1e-9) {
                    tiedOnServer.add(r.get("id"));
                }
            }
            for (Row r : engine) {
                if (Math.abs(score(r) - last) <= 1e-9) {
                    assertThat(tiedOnServer).as(both).contains(r.get("id"));
                }
            }
        }
    }

    private static double score(Row r) {
        return (Double) r.get("score");
    }

    private static Set<Object> idsAbove(List<Row> rows, double score) {
        Set<Object> out = new HashSet<>();
        for (Row r : rows) {
            if (score(r) > score + 1e-9) {
                out.add(r.get("id"));
            }
        }
        return out;
    }

    @Test
    void aTextIndexServesTheMatchAndChangesNoScore() {
        String sql = "SELECT id, body <#> $1 AS score FROM docs ORDER BY score DESC, id LIMIT 10";
        List<Row> before = pg.query(sql, "apt-get install");
        pg.createIndex("docs", "body");
        assertThat(pg.describeTable("docs").indexes()).anySatisfy(i -> {
            assertThat(i.type()).isEqualTo("bm25");
            assertThat(i.column()).isEqualTo("body");
        });
        String plan = pg.query(
                        "SET enable_seqscan = off; EXPLAIN " + ((PostgresBackend) pg.backend()).translate(sql),
                        "apt-get install")
                .toString();
        assertThat(plan).contains("docs_body_words");
        assertThat(pg.query(sql, "apt-get install")).isEqualTo(before);
    }
}
