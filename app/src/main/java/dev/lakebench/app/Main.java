package dev.lakebench.app;

import dev.lakebench.app.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: with arguments the {@code lakebench} command line, without arguments the workbench window. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.lakebench.app.ui.WorkbenchLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = Cli.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
