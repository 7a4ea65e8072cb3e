import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts the Linux app image's own launcher ({@code linux/lakebench-launcher.sh}) in place of jpackage's native one,
 * {@code bin/lakebench}. jpackage's Linux launcher runs {@code rpm -qf} and {@code dpkg -S} on itself at every
 * start to find its helper library, before the JVM starts; the script reads the same launcher configuration and
 * starts the image's runtime directly. Other systems keep jpackage's launcher.
 *
 * <p>Run by the installers build with the JDK 25 before the AOT cache is made, so that the training runs, the
 * cache checks and the package's check all go through the launcher users get: {@code java ImageLauncher.java OS
 * APP_IMAGE_DIR}.
 */
public final class ImageLauncher {

    public static void main(String[] args) throws Exception {
        String os = args[0];
        Path image = Path.of(args[1]).toAbsolutePath();
        if (!os.equals("linux")) {
            System.out.println("Launcher: jpackage's (" + os + ")");
            return;
        }
        Path launcher = image.resolve("bin/lakebench");
        Path java = image.resolve("lib/runtime/bin/java");
        if (!Files.isRegularFile(launcher) || !Files.isExecutable(java)) {
            throw new IllegalStateException("expected jpackage's launcher at " + launcher
                    + " and the runtime's java at " + java + " (jlink without --strip-native-commands)");
        }
        Files.copy(Path.of("linux/lakebench-launcher.sh"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(image.resolve("lib/libapplauncher.so")); // only jpackage's launcher loads it
        System.out.println("Launcher: " + launcher + " (a script: no package-manager queries at start)");
    }
}
