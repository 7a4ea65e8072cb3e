package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.json.JsonTrees;
import dev.lakebench.core.schema.ColumnType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        description = {
            "Ingest into a table (created or appended): column data from a JSON file"
                    + " {\"col\": [values...], ...}, files and folders (PATH... or --files PATH...), a dataset format (--format ... --path DIR)"
                    + " or a Hugging Face dataset (--huggingface NAME).",
            "Exit status 1 when any file failed (the others still landed). Ctrl+C cancels, keeping whole committed batches;"
                    + " running the same command again finishes the job without duplicating rows (files and column data; a --format or"
                    + " --huggingface ingest starts again from the beginning).",
            "Rows of a file that was being ingested when the process died stay visible until the rerun replaces them;"
                    + " 'lakebench tables' names the tables that hold such rows."
        })
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TABLE")
    String table;

    @Parameters(
            index = "1..*",
            paramLabel = "PATH",
            description = "Files or folders to ingest, as after --files (lakebench ingest docs ~/papers notes.md).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--columns",
            paramLabel = "FILE.json",
            description = "JSON object of column name -> list of values.")
    Path columns;

    @Option(
            names = "--files",
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "Files or folders to ingest (folders recursively): videos, images, PDFs, text, anything else as bytes.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--chunk-size", paramLabel = "N", description = "Characters per text chunk (default: 1000).")
    Integer chunkSize;

    @Option(
            names = "--chunk-overlap",
            paramLabel = "N",
            description =
                    "Characters shared by consecutive text chunks (default: 200, a fifth of --chunk-size when that is 200 or less).")
    Integer chunkOverlap;

    @Option(names = "--pdf-dpi", paramLabel = "N", description = "Resolution PDF pages are rendered at (default: 150).")
    Integer pdfDpi;

    @picocli.CommandLine.Mixin
    FormatSource source = new FormatSource();

    @Option(
            names = "--schema",
            paramLabel = "COL=TYPE",
            description = "Explicit column type (type names: TEXT, INT64, EMBEDDING, IMAGE, ...).")
    Map<String, String> schema = new LinkedHashMap<>();

    @Option(names = "--index", paramLabel = "COL", description = "Create the column's default index after ingesting.")
    List<String> index = new ArrayList<>();

    @Option(
            names = "--embed",
            paramLabel = "COL[=MODEL]",
            description = "Give the rows vectors of a TEXT or IMAGE column"
                    + " (into COL_embedding; model default: minilm for text, the installed image model for pictures).")
    List<String> embed = new ArrayList<>();

    @Option(names = "--json", description = "Print the IngestResult as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        IngestOptions options = IngestOptions.defaults();
        schema.forEach(options::schema);
        options.index(index);
        embed.forEach(e -> options.embed(
                e.contains("=") ? e.substring(0, e.indexOf('=')) : e,
                e.contains("=") ? e.substring(e.indexOf('=') + 1) : null));
        Map<String, List<?>> data;
        files.addAll(paths); // `ingest docs a.pdf dir/` reads as `ingest docs --files a.pdf dir/`
        if (!files.isEmpty() && (columns != null || source.isSet())) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Use one of --files, --columns or --format/--huggingface");
        }
        if (chunkSize != null) {
            options.chunkSize(chunkSize);
        }
        if (chunkOverlap != null) {
            options.chunkOverlap(chunkOverlap);
        }
        if (pdfDpi != null) {
            options.pdfDpi(pdfDpi);
        }
        if (!files.isEmpty()) {
            List<String> paths = new ArrayList<>();
            files.forEach(p -> paths.add(p.toString()));
            data = Map.of("path", paths);
            options.schema("path", ColumnType.FILE);
        } else if (source.isSet()) {
            if (columns != null) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "Use --columns or --format/--huggingface, not both");
            }
            options.format(source.format(spec.commandLine()));
            data = source.huggingfaceData();
        } else if (columns != null) {
            data = readColumns(columns, options);
        } else {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "Nothing to ingest: pass --columns FILE.json, --format FORMAT --path DIR, or --huggingface NAME; or --files PATH...");
        }
        IngestResult r;
        // closed last: an interrupted process exits only after the workspace is closed
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
                Client client = root.open();
                ProgressBar bar = ProgressBar.forTerminal(spec.commandLine().getErr())) {
            options.cancellation(interrupt.cancellation());
            if (bar != null) {
                options.listener(bar);
            }
            r = client.ingest(SqlNames.unquoted(table), data, options);
            if (bar != null) {
                bar.close();
            }
            // printed before the workspace closes: after Ctrl+C the process exits as soon as that is done
            print(r);
            if (r.cancelled()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(cancelled(
                        r, !files.isEmpty() ? Source.FILES : source.isSet() ? Source.FORMAT : Source.COLUMNS));
                err.flush();
            }
        }
        return r.cancelled() ? Cli.INTERRUPTED : r.failures().isEmpty() ? Cli.OK : Cli.ERROR;
    }

    /** What an ingest reads: files resume file by file, column data row by row, a format from its start. */
    enum Source {
        FILES,
        COLUMNS,
        FORMAT
    }

    /** The stderr line after Ctrl+C: what was committed, and what running the same command again does. */
    static String cancelled(IngestResult r, Source source) {
        String committed = "Ingest cancelled: " + String.format(Locale.ROOT, "%,d", r.rowCount())
                + (r.rowCount() == 1 ? " row" : " rows") + " committed into " + r.tableName() + ". ";
        return committed
                + switch (source) {
                    case FILES -> "Run the same command again to finish: files already stored are skipped.";
                    case COLUMNS -> "Run the same command again to finish: rows already committed are skipped.";
                    case FORMAT -> "Running the same command again ingests from the beginning.";
                };
    }

    /** Reads {"col": [..]}: numbers, strings, booleans, null, number arrays; base64 strings for byte columns. */
    static Map<String, List<?>> readColumns(Path file, IngestOptions options) {
        JsonNode root;
        try (var in = Files.newBufferedReader(file)) {
            root = JsonValues.mapper()
                    .reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .readTree(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND, "File not found: " + file, "Check the --columns path");
        } catch (IOException e) {
            java.util.regex.Matcher dup =
                    java.util.regex.Pattern.compile("Duplicate field '(.*?)'").matcher(String.valueOf(e.getMessage()));
            if (dup.find()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + dup.group(1) + "\" appears more than once in " + file,
                        "Give each column once: a later list would silently replace the earlier one");
            }
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Cannot read " + file + " as JSON: " + e.getMessage(),
                    "Write a JSON object of column name -> list of values");
        }
        if (root == null || !root.isObject()) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    file + " does not hold a JSON object",
                    "Write a JSON object of column name -> list of values, e.g. {\"text\": [\"a\", \"b\"]}");
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        for (var it = ((ObjectNode) root).fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isArray()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Column \"" + e.getKey() + "\" in " + file + " is not a list",
                        "Give every column a JSON array of values");
            }
            ColumnType type = options.typeOf(e.getKey());
            List<Object> values = new ArrayList<>();
            for (JsonNode v : (ArrayNode) e.getValue()) {
                if (type != null && type.isBytes() && v.isTextual()) {
                    try {
                        values.add(Base64.getDecoder().decode(v.textValue()));
                    } catch (IllegalArgumentException bad) {
                        throw new IngestError(
                                ErrorCode.INGEST_BAD_DATA,
                                "Column \"" + e.getKey() + "\" is " + type + " but a value is not base64: "
                                        + bad.getMessage(),
                                "Encode bytes as base64 strings");
                    }
                } else {
                    values.add(JsonValues.fromJson(v));
                }
            }
            data.put(e.getKey(), values);
        }
        return data;
    }

    /**
     * Text on one output line: line breaks and other control characters (a file may be named with a newline)
     * are escaped, so no name can fake a line of its own.
     */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private void print(IngestResult r) throws IOException {
        var out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JsonValues.object();
            o.put("table_name", r.tableName()).put("row_count", r.rowCount()).put("dataset_path", r.datasetPath());
            ArrayNode f = o.putArray("failures");
            for (IngestFailure x : r.failures()) {
                f.addObject().put("path", x.path()).put("reason", x.reason());
            }
            ArrayNode w = o.putArray("warnings");
            r.warnings().forEach(w::add);
            o.put("cancelled", r.cancelled());
            o.put("elapsed_ms", r.elapsed().toMillis());
            out.println(JsonTrees.toJson(o));
        } else {
            out.println("Ingested " + r.rowCount() + " rows into " + r.tableName() + " (" + r.datasetPath() + ") in "
                    + r.elapsed().toMillis() + " ms" + (r.cancelled() ? " [cancelled]" : ""));
            r.failures().forEach(x -> out.println("  failed: " + oneLine(x.path()) + ": " + oneLine(x.reason())));
            r.warnings().forEach(x -> out.println("  warning: " + oneLine(x)));
        }
        out.flush();
    }
}
