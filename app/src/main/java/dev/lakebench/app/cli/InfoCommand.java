package dev.lakebench.app.cli;

import dev.lakebench.core.backend.postgres.PostgresBackend;
import dev.lakebench.core.client.Client;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lakebench [--postgres URL | --remote URL] info}: which backend the options select, where it is, and for
 * PostgreSQL what the server offers (pgvector, pg_search, vectorscale, Citus, pg_trgm, pg_deeplake).
 */
@Command(
        name = "info",
        description = "Show the backend, its location and, for --postgres, the extensions the server offers.")
final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    LakebenchCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Client client = root.open()) {
            var out = spec.commandLine().getOut();
            out.println("Backend:   " + client.backend().kind());
            out.println("Location:  " + client.backend().location());
            out.println("Workspace: " + client.workspaceId());
            if (client.backend() instanceof PostgresBackend pg) {
                out.print("Server:    " + pg.capabilities().describe());
                if (!pg.capabilities().has("vector")) {
                    out.println("Vector and hybrid search need pgvector on the server.");
                }
                if (!pg.capabilities().has("pg_search")) {
                    out.println("BM25 runs in plain SQL (small tables); install pg_search for BM25 indexes.");
                }
            }
            out.flush();
        }
        return Cli.OK;
    }
}
