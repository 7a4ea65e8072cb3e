package dev.lakebench.app;

import dev.lakebench.app.cli.WorkbenchStart;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workbench's usual command lines read without the command-line parser: {@code --data-dir DIR} and
 * {@code --workspace WS} (each at most once, as separate words or {@code --name=value}), which is what the
 * launcher and desktop entries pass. Setting up picocli for them cost the workbench's start a few hundred
 * milliseconds of CPU before the window toolkit could start. Any other shape is left to
 * {@link WorkbenchStart#parse}, which reads it exactly as before.
 */
final class WorkbenchArgs {

    private WorkbenchArgs() {}

    /** The workbench start these words ask for, or empty when they are not of the plain shape. */
    static Optional<WorkbenchStart> plain(String[] args) {
        String dataDir = null;
        String workspace = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                name = a;
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty(); // an option where a value should be, an @file: the parser's to answer
            }
            if (name.equals("--data-dir") && dataDir == null) {
                dataDir = value;
            } else if (name.equals("--workspace") && workspace == null) {
                workspace = value;
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new WorkbenchStart(dataDir == null ? null : Path.of(dataDir), workspace));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
