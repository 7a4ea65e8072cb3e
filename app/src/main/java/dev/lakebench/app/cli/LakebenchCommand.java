package dev.lakebench.app.cli;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options and the subcommands. */
@Command(name = "lakebench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lakebench: multimodal AI data in tables, with SQL, vector, BM25 and hybrid search.",
        subcommands = {TablesCommand.class, SchemaCommand.class, QueryCommand.class, IngestCommand.class,
            DropCommand.class, WorkspacesCommand.class})
public final class LakebenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $LAKEBENCH_HOME, else the OS data folder).")
    Path dataDir;

    @Option(names = "--workspace", paramLabel = "WS", scope = ScopeType.INHERIT,
            description = "Workspace id (default: default).")
    String workspace = DataDirectory.DEFAULT_WORKSPACE;

    DataDirectory dataDirectory() {
        return dataDir != null ? new DataDirectory(dataDir) : DataDirectory.fromEnvironment();
    }

    /** Opens the client the global options describe. */
    Client open() {
        return Client.local(dataDirectory().root(), workspace);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }
}
