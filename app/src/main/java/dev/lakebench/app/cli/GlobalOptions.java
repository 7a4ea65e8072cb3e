package dev.lakebench.app.cli;

import java.util.Optional;
import picocli.CommandLine;

/** The global options read by picocli alone, to see whether a command line names no command (the workbench). */
final class GlobalOptions {

    private GlobalOptions() {}

    /** The workbench start {@code args} describe, or empty when they name a command, help or a remote. */
    static Optional<WorkbenchStart> workbenchStart(String[] args) {
        // the global options alone: setting up every command's options is not needed to see that none is named
        LakebenchCommand root = new LakebenchCommand();
        CommandLine cl = new CommandLine(root);
        CommandLine.ParseResult pr;
        try {
            pr = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested() || root.isRemote()) {
            return Optional.empty();
        }
        return Optional.of(
                new WorkbenchStart(root.dataDir, pr.hasMatchedOption("--workspace") ? root.workspace : null));
    }
}
