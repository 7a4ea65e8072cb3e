package dev.lakebench.app.cli;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.backend.managed.ManagedSettings;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.connections.ConnectionStore;
import dev.lakebench.core.connections.ManagedConnections;
import dev.lakebench.core.connections.TokenVault;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options and the subcommands. */
@Command(name = "lakebench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lakebench: multimodal AI data in tables, with SQL, vector, BM25 and hybrid search.",
        subcommands = {TablesCommand.class, SchemaCommand.class, QueryCommand.class, IngestCommand.class,
            DropCommand.class, WorkspacesCommand.class, LoginCommand.class, LogoutCommand.class, IndexCommand.class,
            EmbedCommand.class, ModelsCommand.class})
public final class LakebenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $LAKEBENCH_HOME, else the OS data folder).")
    Path dataDir;

    @Option(names = "--workspace", paramLabel = "WS", scope = ScopeType.INHERIT,
            description = "Workspace id (default: default).")
    String workspace = DataDirectory.DEFAULT_WORKSPACE;

    @Option(names = "--remote", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Work on a managed deployment at URL instead of the local engine (token: --token-env, else the "
                    + "OS credential store (lakebench login), else $DEEPLAKE_API_KEY).")
    String remote;

    @Option(names = "--token-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "With --remote: read the API token from environment variable VAR (never from the command line).")
    String tokenEnv;

    /** Environment and credential store, replaceable by tests. */
    final Function<String, String> env;
    final Supplier<TokenVault> vault;

    public LakebenchCommand() {
        this(System::getenv, TokenVault::system);
    }

    LakebenchCommand(Function<String, String> env, Supplier<TokenVault> vault) {
        this.env = env;
        this.vault = vault;
    }

    boolean isRemote() {
        return remote != null;
    }

    /** The token for --remote: $VAR of --token-env, else the credential store, else $DEEPLAKE_API_KEY. */
    String remoteToken() {
        if (tokenEnv != null) {
            String t = env.apply(tokenEnv);
            if (t == null || t.isBlank()) {
                throw new AuthError(ErrorCode.AUTH_TOKEN_REQUIRED, "Token required: environment variable " + tokenEnv + " is not set",
                        "Export the API token as " + tokenEnv + ", or run lakebench login --remote " + remote);
            }
            return t;
        }
        return new ManagedConnections(ConnectionStore.in(dataDirectory().root()), vault.get(), env).token(remote);
    }

    DataDirectory dataDirectory() {
        return dataDir != null ? new DataDirectory(dataDir) : DataDirectory.fromEnvironment();
    }

    /** Opens the client the global options describe. */
    Client open() {
        if (isRemote()) {
            return new Client(ManagedBackend.connect(ManagedSettings.of(remote, workspace), ApiToken.of(remoteToken())));
        }
        return Client.local(dataDirectory().root(), workspace);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }
}
