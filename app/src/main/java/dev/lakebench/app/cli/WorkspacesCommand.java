package dev.lakebench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lakebench.core.client.WorkspaceInfo;
import dev.lakebench.core.json.JsonTrees;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "workspaces",
        description = "List workspaces, or create one.",
        subcommands = WorkspacesCommand.Create.class)
final class WorkspacesCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {id, name, created_at}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<WorkspaceInfo> list;
        if (root.isRemote()) {
            try (var client = root.open()) {
                list = client.listWorkspaces();
            }
        } else {
            list = root.dataDirectory().list();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            ArrayNode a = JsonValues.array();
            for (WorkspaceInfo w : list) {
                a.addObject()
                        .put("id", w.id())
                        .put("name", w.name())
                        .put(
                                "created_at",
                                w.createdAt() == null ? null : w.createdAt().toString());
            }
            out.println(JsonTrees.toJson(a));
        } else {
            for (WorkspaceInfo w : list) {
                out.println(w.id() + (w.name().equals(w.id()) ? "" : "\t" + w.name()));
            }
        }
        out.flush();
        return Cli.OK;
    }

    @Command(name = "create", description = "Create a workspace.")
    static final class Create implements Callable<Integer> {

        @ParentCommand
        WorkspacesCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the id).")
        String name;

        @Override
        public Integer call() {
            WorkspaceInfo w;
            if (parent.root.isRemote()) {
                try (var client = parent.root.open()) {
                    w = client.createWorkspace(id, name);
                }
            } else {
                w = parent.root.dataDirectory().create(id, name);
            }
            spec.commandLine()
                    .getOut()
                    .println("Created workspace " + w.id() + " at " + (w.dir() != null ? w.dir() : parent.root.remote));
            spec.commandLine().getOut().flush();
            return Cli.OK;
        }
    }
}
