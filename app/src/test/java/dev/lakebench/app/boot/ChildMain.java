package dev.lakebench.app.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stands in for Lakebench: says on stdout whether it has the Vector API module and whether it runs in a
 * re-launched JVM (a child of the launcher), and writes one line on stderr. With {@code exit N} it exits with N; with {@code --workspace run --data-dir DIR} it
 * records its pid in DIR/pid and works until stopped, its shutdown hook taking a second to wind down and then
 * recording DIR/wound-down; otherwise it returns.
 */
public final class ChildMain {

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        System.out.println("vector="
                + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                + " relaunched=" + (System.getProperty(Relaunch.PARENT_PID) != null));
        System.out.flush();
        System.err.println("child says hello");
        System.err.flush();
        if (args.length == 2 && args[0].equals("exit")) {
            System.exit(Integer.parseInt(args[1]));
        }
        List<String> a = List.of(args);
        if (!a.contains("run")) {
            return;
        }
        Path dir = Path.of(a.get(a.indexOf("--data-dir") + 1));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1000);
                Files.writeString(dir.resolve("wound-down"), "yes", StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        Files.writeString(
                dir.resolve("pid.tmp"), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        Files.move(dir.resolve("pid.tmp"), dir.resolve("pid"));
        Thread.sleep(120_000);
    }
}
