package dev.lakebench.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command line that names no command opens the workbench: {@code lakebench}, or {@code lakebench --data-dir
 * DIR --workspace WS} on that data directory and workspace. Anything else (a command, help, a bad option, a
 * remote deployment) is the command line's to answer. The picocli part lives in {@link GlobalOptions}: naming no
 * picocli type here keeps {@code tables} and {@code query} from loading picocli (see {@link Commands}).
 */
public record WorkbenchStart(Path dataDir, String workspace) {

    public static Optional<WorkbenchStart> parse(String[] args) {
        if (args.length == 0) {
            return Optional.of(new WorkbenchStart(null, null));
        }
        if (QuickCommandLine.parse(args, new LakebenchCommand(), null, null).isPresent()) {
            return Optional.empty(); // tables or query, read without setting up picocli
        }
        return GlobalOptions.workbenchStart(args);
    }

    /** The JavaFX application's named parameters ({@code --data-dir=DIR}, {@code --workspace=WS}). */
    public String[] applicationArgs() {
        List<String> out = new ArrayList<>();
        if (dataDir != null) {
            out.add("--data-dir=" + dataDir.toAbsolutePath());
        }
        if (workspace != null) {
            out.add("--workspace=" + workspace);
        }
        return out.toArray(String[]::new);
    }
}
