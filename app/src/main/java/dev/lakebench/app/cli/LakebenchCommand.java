package dev.lakebench.app.cli;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.backend.postgres.PgSettings;
import dev.lakebench.core.backend.postgres.PostgresBackend;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
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
@Command(
        name = "lakebench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lakebench: multimodal AI data in tables, with SQL, vector, BM25 and hybrid search.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            TablesCommand.class,
            SchemaCommand.class,
            QueryCommand.class,
            IngestCommand.class,
            DropCommand.class,
            WorkspacesCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            IndexCommand.class,
            ExportCommand.class,
            InfoCommand.class,
            EmbedCommand.class,
            ModelsCommand.class,
            SqlShellCommand.class
        })
public final class LakebenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Data directory (default: $LAKEBENCH_HOME, else the OS data folder).")
    Path dataDir;

    @Option(
            names = "--workspace",
            paramLabel = "WS",
            scope = ScopeType.INHERIT,
            description = "Workspace id (default: default).")
    String workspace = DataDirectory.DEFAULT_WORKSPACE;

    @Option(
            names = "--remote",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description =
                    "Work on a managed deployment at URL instead of the local engine (token: --token-env, else the "
                            + "OS credential store (lakebench login), else $DEEPLAKE_API_KEY).")
    String remote;

    @Option(
            names = "--token-env",
            paramLabel = "VAR",
            scope = ScopeType.INHERIT,
            description =
                    "With --remote: read the API token from environment variable VAR (never from the command line).")
    String tokenEnv;

    @Option(
            names = "--org",
            paramLabel = "ID",
            scope = ScopeType.INHERIT,
            description =
                    "With --remote: the organisation to act for (default: $DEEPLAKE_ORG_ID, else the token's, else the "
                            + "only one the account belongs to).")
    String org;

    @Option(
            names = "--allow-files",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Let SQL read and write files under DIR (read_csv, read_parquet, COPY ... TO); repeatable. "
                    + "By default SQL reaches only the workspace's tables.")
    java.util.List<Path> allowFiles = new java.util.ArrayList<>();

    @Option(
            names = "--postgres",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description =
                    "Work on a PostgreSQL database with pgvector (jdbc:postgresql://host:5432/db?user=name); the workspace is a "
                            + "schema. Password: --password-env, else the OS credential store (lakebench login --postgres URL), else $PGPASSWORD.")
    String postgres;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            scope = ScopeType.INHERIT,
            description =
                    "With --postgres: read the database password from environment variable VAR (never from the command line).")
    String passwordEnv;

    /** Environment and credential store, replaceable by tests. */
    final Function<String, String> env;

    final Supplier<TokenVault> vault;
    /** Standard input, for {@code query -} (tests give their own). */
    Supplier<java.io.InputStream> stdin = () -> System.in;
    /** The SQL shell's terminal, given the history file (tests give one on their own streams); null: the process's. */
    Function<Path, ShellInput> terminalInput;

    boolean stdinIsSystem() {
        return stdin.get() == System.in;
    }

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
                throw new AuthError(
                        ErrorCode.AUTH_TOKEN_REQUIRED,
                        "Token required: environment variable " + tokenEnv + " is not set",
                        "Export the API token as " + tokenEnv + ", or run lakebench login --remote " + remote);
            }
            return t;
        }
        return new ManagedConnections(ConnectionStore.in(dataDirectory().root()), vault.get(), env).token(remote);
    }

    /** URL, workspace and the explicit organisation of --remote, --workspace and --org. */
    ManagedSettings remoteSettings() {
        return ManagedSettings.of(remote, workspace).withOrgId(org);
    }

    boolean isPostgres() {
        return postgres != null;
    }

    /** The account under which the OS credential store keeps the password of a PostgreSQL URL. */
    static String postgresAccount(String url) {
        return "postgres:" + url.strip();
    }

    /** The --postgres URL, refused when it carries a password (command lines are visible to every user). */
    String postgresUrl() {
        if (postgres.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
            throw new IllegalArgumentException(
                    "--postgres URL must not contain the password (other users can read command lines); "
                            + "save it with lakebench login --postgres URL, or pass --password-env VAR or $PGPASSWORD");
        }
        return postgres.strip();
    }

    /** The password for --postgres: $VAR of --password-env, else the credential store, else null ($PGPASSWORD or none). */
    String postgresPassword() {
        if (passwordEnv != null) {
            String p = env.apply(passwordEnv);
            if (p == null || p.isEmpty()) {
                throw new AuthError(
                        ErrorCode.AUTH_TOKEN_REQUIRED,
                        "Password required: environment variable " + passwordEnv + " is not set",
                        "Export the database password as " + passwordEnv + ", or run lakebench login --postgres "
                                + postgresUrl());
            }
            return p;
        }
        return vault.get().secret(postgresAccount(postgresUrl())).orElse(null);
    }

    DataDirectory dataDirectory() {
        return dataDir != null ? new DataDirectory(dataDir) : DataDirectory.fromEnvironment();
    }

    /** Opens the client the global options describe. */
    Client open() {
        if (isRemote() && isPostgres()) {
            throw new IllegalArgumentException("--remote and --postgres are exclusive: choose one backend");
        }
        if (isPostgres()) {
            return new Client(
                    PostgresBackend.connect(PgSettings.of(postgresUrl(), workspace, postgresPassword(), env)));
        }
        if (isRemote()) {
            return new Client(ManagedBackend.connect(remoteSettings(), ApiToken.of(remoteToken()), env));
        }
        return Client.local(dataDirectory().root(), workspace, allowFiles);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }
}
