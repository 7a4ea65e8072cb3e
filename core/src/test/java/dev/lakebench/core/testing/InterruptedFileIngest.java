package dev.lakebench.core.testing;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Leaves a workspace as a crash in the middle of a file does: a file ingest in another JVM stops writing once a
 * few batches of its large file are committed, and is then killed with SIGKILL. Three small files are whole;
 * the large one has some of its rows committed and no completion record.
 */
public final class InterruptedFileIngest {

    public static final String TABLE = "docs";
    public static final String LARGE = "z-large.txt";
    public static final int SMALL_FILES = 3;
    static final int COMMIT = 10;

    private InterruptedFileIngest() {}

    /** The ingest options of the interrupted run: small chunks and batches, one worker, so files go in order. */
    public static IngestOptions options() {
        return IngestOptions.defaults()
                .commitRows(COMMIT)
                .flushRows(5)
                .workers(1)
                .chunkSize(400)
                .chunkOverlap(100)
                .schema("path", "FILE");
    }

    /** Three one-chunk text files and one of about 2,000 chunks. */
    public static Path folder(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < SMALL_FILES; i++) {
            Files.writeString(folder.resolve("a-" + i + ".txt"), "small file number " + i);
        }
        StringBuilder large = new StringBuilder();
        for (int i = 0; large.length() < 600_000; i++) {
            large.append("line ").append(i).append(" of the large file. ");
        }
        Files.writeString(folder.resolve(LARGE), large);
        return folder;
    }

    /** Child: ingests the folder; once 4 batches are committed it says so and stops (the listener never returns). */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            try (Client client = Client.local(Path.of(args[0]))) {
                client.ingest(TABLE, Map.of("path", List.of(args[1])), options().listener(p -> {
                    if (p.rowsCommitted() >= 4 * COMMIT) {
                        System.out.println("COMMITTED " + p.rowsCommitted());
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
        }
    }

    /** Runs the child on {@code folder} into the data folder {@code data} and kills it mid-file. */
    public static void run(Path data, Path folder) throws IOException, InterruptedException {
        Process p = ChildJvm.start(
                Child.class, List.of("-Xmx256m", "-Djava.awt.headless=true"), data.toString(), folder.toString());
        ChildJvm.killAfterLine(p, "COMMITTED");
    }
}
