package dev.lakebench.bench.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.embed.ModelFolder;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.Models;
import dev.lakebench.core.store.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Text-to-image search on the COCO captions sample: the five val2017 pictures with their 25 captions, among the
 * other sample pictures as distractors, ingested with {@code embed("image", model)}; each caption searches with
 * {@code ORDER BY image_embedding <#> embed(model, caption) DESC LIMIT 5}, and recall@1 / recall@5 count how often
 * its own picture comes back. The model is the first CLIP-style model installed in the data directory
 * ({@code LAKEBENCH_HOME} or the OS default; {@code lakebench models pull}), else the tests' tiny CLIP model (the
 * same code path, with no understanding of pictures: its figures are what chance gives).
 */
public final class ImageSearchBenchmark implements Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TINY = "test/tiny-clip";

    @Override
    public String name() {
        return "embeddings-images";
    }

    @Override
    public String description() {
        return "text-to-image recall@5 on the COCO captions sample through embed() and an image model (an installed"
                + " CLIP model, else the tests' tiny one)";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        Path dir = ctx.scratch("embeddings-images");
        Path samples = samples();
        String model = installModel(dir);
        Map<String, String> captionOf = new HashMap<>();
        List<String[]> captions = new ArrayList<>(); // {caption, file}
        Path coco = samples.resolve("coco-detection-captions-sample");
        JsonNode caps =
                JSON.readTree(coco.resolve("annotations/captions_val2017.json").toFile());
        Map<Long, String> files = new HashMap<>();
        caps.get("images")
                .forEach(i -> files.put(i.get("id").asLong(), i.get("file_name").asText()));
        for (JsonNode a : caps.get("annotations")) {
            captions.add(new String[] {
                a.get("caption").asText().strip(), files.get(a.get("image_id").asLong())
            });
        }
        List<String> names = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        for (String f : files.values().stream().sorted().toList()) {
            names.add(f);
            images.add(Files.readAllBytes(coco.resolve("val2017").resolve(f)));
        }
        for (Path p : distractors(samples)) {
            names.add(samples.relativize(p).toString());
            images.add(Files.readAllBytes(p));
        }
        try (Client client = Client.local(dir)) {
            long t0 = System.nanoTime();
            client.ingest(
                    "pictures",
                    Map.of("name", names, "image", images),
                    IngestOptions.defaults().schema("image", "IMAGE").embed("image", model));
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            long pool = client.query("SELECT count(image_embedding) AS n FROM pictures")
                    .get(0)
                    .getLong("n");
            int at1 = 0;
            int at5 = 0;
            int unembeddable = 0;
            for (String[] c : captions) {
                List<Row> top;
                try {
                    top = client.query(
                            "SELECT name FROM pictures ORDER BY image_embedding <#> embed('" + model
                                    + "', $1) DESC LIMIT 5",
                            c[0]);
                } catch (QueryError e) {
                    // a caption the model maps to a zero vector (the tiny model knows three words) finds nothing
                    unembeddable++;
                    continue;
                }
                for (int i = 0; i < top.size(); i++) {
                    if (top.get(i).getString("name").equals(c[1])) {
                        at1 += i == 0 ? 1 : 0;
                        at5++;
                        break;
                    }
                }
            }
            boolean tiny = model.equals(TINY);
            String which = tiny
                    ? "the tests' tiny CLIP model (8 dimensions, no understanding of pictures: chance level)"
                    : "installed model " + model;
            ctx.record(
                    name(),
                    "text-to-image recall@5, " + (tiny ? "tiny test model" : model),
                    String.format(Locale.ROOT, "%.3f", at5 / (double) captions.size()),
                    String.format(Locale.ROOT, "%.3f (chance)", Math.min(1.0, 5.0 / pool)),
                    String.format(
                            Locale.ROOT,
                            "%s; %d captions of 5 COCO val2017 pictures, searched among %d pictures with vectors;"
                                    + " recall@1 %.3f (chance %.3f); %d captions had a zero vector (counted as misses);"
                                    + " %d pictures ingested and embedded in %.1f s",
                            which,
                            captions.size(),
                            pool,
                            at1 / (double) captions.size(),
                            1.0 / pool,
                            unembeddable,
                            names.size(),
                            ingestSeconds));
            if (tiny) {
                ctx.note(
                        name(),
                        "no CLIP-style model is installed (lakebench models pull Xenova/clip-vit-base-patch32), so the"
                                + " tiny test model ran: the code path is measured, not retrieval quality");
            }
        }
    }

    /**
     * Makes the model available to a client on {@code dir}: the first CLIP-style model of the user's data
     * directory (linked, not copied), else the tiny test model written there. Returns its name for embed().
     */
    private static String installModel(Path dir) throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Optional<ModelInfo> real = Optional.empty();
        try {
            real = Models.of(DataDirectory.fromEnvironment().root()).list().stream()
                    .filter(m -> m.kinds().contains("image"))
                    .findFirst();
        } catch (RuntimeException e) {
            // no readable data directory: the tiny model runs
        }
        if (real.isPresent()) {
            Files.createSymbolicLink(
                    models.resolve(real.get().location().getFileName()),
                    real.get().location().toAbsolutePath());
            return real.get().name();
        }
        Path src = samples().getParent().resolve("models/tiny-clip");
        Path to = models.resolve(ModelFolder.folderName(TINY));
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(src.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        try (InputStream tok = ImageSearchBenchmark.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.write(to.resolve("tokenizer.json"), tok.readAllBytes());
        }
        Files.writeString(
                to.resolve(ModelFolder.MANIFEST),
                "{\"repo\": \"" + TINY + "\", \"revision\": \"tests\", \"files\": []}\n");
        return TINY;
    }

    /** The other sample pictures (COCO panoptic inputs, the image samples' JPEG and PNG files). */
    private static List<Path> distractors(Path samples) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String d : List.of("coco-panoptic-sample/sample_data/input_images", "images-sample")) {
            try (Stream<Path> s = Files.walk(samples.resolve(d))) {
                s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png"))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    private static Path samples() {
        String prop = System.getProperty("lakebench.testData");
        Path p = prop != null ? Path.of(prop) : Path.of("core", "src", "test", "resources", "data");
        if (!Files.isDirectory(p.resolve("coco-detection-captions-sample"))) {
            throw new IllegalStateException("sample data not found in " + p.toAbsolutePath()
                    + "; run from the repository root or pass -Dlakebench.testData=DIR");
        }
        return p;
    }
}
