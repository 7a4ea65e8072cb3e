package dev.lakebench.app.cli;

import dev.lakebench.core.backend.managed.ApiToken;
import dev.lakebench.core.backend.managed.ManagedBackend;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.connections.TokenVault;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lakebench login --remote URL}: checks an API token against the deployment and saves it in the OS
 * credential store for that URL. The token is read from the terminal without echo, from standard input, or from
 * the variable named by {@code --token-env} — never from the command line, where {@code ps} would show it.
 */
@Command(
        name = "login",
        description = "Save an API token for --remote URL in the OS credential store (read from the terminal, "
                + "standard input, or --token-env VAR).")
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-verify", description = "Save without checking the token against the server.")
    boolean noVerify;

    @Override
    public Integer call() throws IOException {
        if (root.isPostgres()) {
            return postgresLogin();
        }
        if (!root.isRemote()) {
            throw new IllegalArgumentException(
                    "login needs --remote URL (the managed API to log in to) or --postgres URL");
        }
        String url = ManagedSettings.normalizeUrl(root.remote);
        String token = root.tokenEnv != null ? root.remoteToken() : readToken(url);
        if (token == null || token.isBlank()) {
            throw new AuthError(
                    ErrorCode.AUTH_TOKEN_REQUIRED,
                    "Token required",
                    "Paste the API token when asked, pipe it on standard input, or use --token-env VAR");
        }
        token = token.strip();
        String org = null;
        if (!noVerify) {
            try (ManagedBackend b = ManagedBackend.connect(
                    ManagedSettings.of(url, root.workspace).withOrgId(root.org), ApiToken.of(token), root.env)) {
                b.listWorkspaces();
                org = b.orgId();
            }
        }
        TokenVault vault = root.vault.get();
        vault.save(url, token);
        var out = spec.commandLine().getOut();
        out.println("Token for " + url + (org == null ? "" : " (organisation " + org + ")") + " saved in "
                + vault.storeName());
        out.flush();
        return Cli.OK;
    }

    /** Saves the password of a PostgreSQL URL, after checking it by connecting. */
    private Integer postgresLogin() throws IOException {
        String url = root.postgresUrl();
        String password = root.passwordEnv != null ? root.postgresPassword() : readSecret("Password for " + url + ": ");
        if (password == null || password.isEmpty()) {
            throw new AuthError(
                    ErrorCode.AUTH_TOKEN_REQUIRED,
                    "Password required",
                    "Type the password when asked, pipe it on standard input, or use --password-env VAR");
        }
        if (!noVerify) {
            try (var b = dev.lakebench.core.backend.postgres.PostgresBackend.connect(
                    dev.lakebench.core.backend.postgres.PgSettings.of(url, root.workspace, password, root.env))) {
                b.listTables();
            }
        }
        TokenVault vault = root.vault.get();
        vault.saveSecret(LakebenchCommand.postgresAccount(url), password);
        var out = spec.commandLine().getOut();
        out.println("Password for " + url + " saved in " + vault.storeName());
        out.flush();
        return Cli.OK;
    }

    private String readToken(String url) throws IOException {
        return readSecret("API token for " + url + ": ");
    }

    private static String readSecret(String prompt) throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] chars = console.readPassword("%s", prompt);
            return chars == null ? null : new String(chars);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return in.readLine();
    }
}
