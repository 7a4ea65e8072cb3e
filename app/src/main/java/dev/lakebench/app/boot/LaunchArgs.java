package dev.lakebench.app.boot;

/**
 * Tells a workbench start from a command before anything heavy is loaded: the workbench starts when no command
 * word is given (no arguments, or only global options with their values such as {@code --data-dir DIR}).
 */
final class LaunchArgs {

    private LaunchArgs() {}

    static boolean opensWorkbench(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
            if (!a.contains("=")) {
                i++; // every global option takes one value
            }
        }
        return true;
    }
}
