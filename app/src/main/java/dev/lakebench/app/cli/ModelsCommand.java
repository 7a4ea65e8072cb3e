package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.embed.ModelStore;
import dev.lakebench.core.json.JsonTrees;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "models",
        description = "Embedding models: the built-in text model and models pulled into the data directory.",
        subcommands = {
            ModelsCommand.Pull.class,
            ModelsCommand.ListModels.class,
            ModelsCommand.Remove.class,
            ModelsCommand.Remote.class
        })
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }

    ModelStore store() {
        return new ModelStore(root.dataDirectory().root());
    }

    @Command(
            name = "pull",
            description = {
                "Download a model from the Hugging Face Hub into the data directory ($HF_ENDPOINT," + " $HF_TOKEN).",
                "CLIP-style repositories (onnx/text_model.onnx + onnx/vision_model.onnx) embed pictures and text;"
                        + " sentence encoders (onnx/model.onnx) embed text.",
                "An interrupted pull resumes where it stopped; every file is checked" + " against the Hub's checksum.",
                "Queries and stored texts get the prompts the model declares (config_sentence_transformers.json);"
                        + " --query-prompt / --document-prompt replace them."
            })
    static final class Pull implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REPO", description = "owner/name, e.g. Xenova/clip-vit-base-patch32")
        String repo;

        @Option(names = "--revision", paramLabel = "R", description = "Branch, tag or commit (default: main).")
        String revision;

        @Option(
                names = "--query-prompt",
                paramLabel = "TEXT",
                description = "Text put before every query (replaces the model's own prompts; none when only"
                        + " --document-prompt is given).")
        String queryPrompt;

        @Option(
                names = "--document-prompt",
                paramLabel = "TEXT",
                description = "Text put before every stored text (replaces the model's own prompts; none when"
                        + " only --query-prompt is given).")
        String documentPrompt;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long[] lastQuarter = {-1};
            try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
                var hub = dev.lakebench.core.hub.HubClient.fromEnvironment(parent.root.env);
                var result = new dev.lakebench.core.embed.ModelPull(hub, parent.store())
                        .pull(
                                repo,
                                revision,
                                queryPrompt == null && documentPrompt == null
                                        ? null
                                        : new dev.lakebench.core.embed.Prompts(queryPrompt, documentPrompt),
                                (done, total, file) -> {
                                    long q = total > 0 ? done * 4 / total : 0;
                                    if (q != lastQuarter[0]) {
                                        lastQuarter[0] = q;
                                        err.println(String.format(
                                                Locale.ROOT,
                                                "pulling %s: %.1f / %.1f MB (%s)",
                                                repo,
                                                done / 1e6,
                                                total / 1e6,
                                                file));
                                        err.flush();
                                    }
                                },
                                interrupt.cancellation());
                if (result.isEmpty()) {
                    out.println("Pull of " + repo + " cancelled; run the same command again to resume");
                    out.flush();
                    return Cli.ERROR;
                }
                ModelInfo m = result.get();
                out.println(String.format(
                        Locale.ROOT,
                        "Pulled %s (%s, %.1f MB) into %s",
                        m.name(),
                        m.kinds(),
                        m.sizeBytes() / 1e6,
                        m.location()));
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(
            name = "remote",
            description = {
                "Add an OpenAI-compatible embeddings endpoint (Ollama, vLLM, a hosted API) as model" + " remote:NAME.",
                "The token is read from the environment variable named by --token-env VAR and kept in the OS credential store."
            })
    static final class Remote implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "The /v1 base URL, e.g. http://127.0.0.1:11434/v1")
        String url;

        @Option(
                names = "--model",
                required = true,
                paramLabel = "M",
                description = "The model name the endpoint knows.")
        String model;

        @Override
        public Integer call() {
            // the global --token-env VAR names the variable holding the token (never the command line itself)
            String token = parent.root.tokenEnv == null ? null : parent.root.env.apply(parent.root.tokenEnv);
            dev.lakebench.core.embed.Models.of(parent.root.dataDirectory().root())
                    .tokenVault(parent.root.vault)
                    .remotes()
                    .add(name, url, model, token);
            spec.commandLine()
                    .getOut()
                    .println("Added remote:" + name + " (" + model + " at " + url + ")"
                            + (token == null ? "" : "; token saved in the credential store"));
            spec.commandLine().getOut().flush();
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List the models: name, what they embed, where they come from, size on disk.")
    static final class ListModels implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print the list as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            var models = parent.store().list();
            if (json) {
                ArrayNode a = JsonValues.array();
                for (ModelInfo m : models) {
                    a.addObject()
                            .put("name", m.name())
                            .put("kinds", m.kinds())
                            .put("source", m.source())
                            .put(
                                    "path",
                                    m.location() == null ? null : m.location().toString())
                            .put("size_bytes", m.sizeBytes());
                }
                out.println(JsonTrees.toJson(a));
            } else {
                for (ModelInfo m : models) {
                    out.println(String.format(
                            Locale.ROOT,
                            "%-40s %-10s %8s  %s",
                            m.name(),
                            m.kinds(),
                            m.sizeBytes() > 0 ? String.format(Locale.ROOT, "%.1f MB", m.sizeBytes() / 1e6) : "-",
                            m.source()));
                }
            }
            out.flush();
            return Cli.OK;
        }
    }

    @Command(
            name = "rm",
            description = "Remove a pulled model from the data directory (the built-in model cannot be removed).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL")
        String name;

        @Override
        public Integer call() {
            var removed = parent.store().remove(name);
            spec.commandLine().getOut().println("Removed " + name + " (" + removed + ")");
            spec.commandLine().getOut().flush();
            return Cli.OK;
        }
    }
}
