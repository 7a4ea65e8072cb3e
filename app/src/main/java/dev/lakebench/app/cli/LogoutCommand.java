package dev.lakebench.app.cli;

import dev.lakebench.core.client.ManagedSettings;
import dev.lakebench.core.connections.TokenVault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lakebench logout --remote URL}: removes the saved token of that deployment. */
@Command(name = "logout", description = "Remove the saved API token for --remote URL from the OS credential store.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!root.isRemote()) {
            throw new IllegalArgumentException("logout needs --remote URL");
        }
        String url = ManagedSettings.normalizeUrl(root.remote);
        TokenVault vault = root.vault.get();
        boolean removed = vault.canSave() && vault.forget(url);
        spec.commandLine()
                .getOut()
                .println(
                        removed
                                ? "Token for " + url + " removed from " + vault.storeName()
                                : "No token saved for " + url);
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
