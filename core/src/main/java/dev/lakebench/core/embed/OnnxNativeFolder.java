package dev.lakebench.core.embed;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ONNX Runtime's native libraries, unpacked once into Lakebench's cache folder and loaded from there. Left to
 * itself ONNX Runtime copies them out of its jar (17 MB on Linux) into a new temporary folder at every process's
 * first model, and leaves that folder behind; given a folder in {@code onnxruntime.native.path} it loads them in
 * place. The folder is named after the libraries' checksums in the jar, so another ONNX Runtime version gets its
 * own folder and a half-written file is never taken for a whole one.
 */
final class OnnxNativeFolder {

    /** The libraries ONNX Runtime's loader looks for in that folder, in its names (the JNI binding last). */
    static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxNativeFolder() {}

    /**
     * The folder under {@code cacheDir} holding this platform's libraries, unpacked now if they are not there yet;
     * empty when the jar has none for this platform or the folder cannot be written (ONNX Runtime then unpacks
     * them itself, as without this).
     */
    static Optional<Path> unpack(Path cacheDir) {
        String platform = platform();
        if (platform == null) {
            return Optional.empty();
        }
        try {
            List<Library> libraries = new ArrayList<>();
            for (String name : LIBRARIES) {
                URL url =
                        OnnxNativeFolder.class.getResource("/ai/onnxruntime/native/" + platform + "/" + fileName(name));
                if (url == null) {
                    return Optional.empty();
                }
                libraries.add(Library.of(fileName(name), url));
            }
            Path folder = cacheDir.resolve("onnxruntime")
                    .resolve(platform + "-"
                            + Long.toHexString(libraries.getFirst().checksum()));
            Files.createDirectories(folder);
            for (Library l : libraries) {
                l.unpackInto(folder);
            }
            return Optional.of(folder);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ONNX Runtime's name for this platform's resource folder, or null where its jar has none. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin")
                ? "osx"
                : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64")
                ? "x64"
                : arch.startsWith("aarch64") || arch.startsWith("arm64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    /** The file name ONNX Runtime's loader expects for a library (it writes jnilib as dylib). */
    static String fileName(String library) {
        return System.mapLibraryName(library).replace("jnilib", "dylib");
    }

    /** One library in the jar: its file name, where it is, its size and its checksum. */
    private record Library(String fileName, URL url, long size, long checksum) {

        static Library of(String fileName, URL url) throws IOException, URISyntaxException {
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection jar) { // the jar's directory has both: nothing is read or inflated
                var entry = jar.getJarEntry();
                if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return new Library(fileName, url, entry.getSize(), entry.getCrc());
                }
            }
            // a class folder (tests, an exploded build): the file's size and time tell versions apart
            Path file = Path.of(url.toURI());
            long size = Files.size(file);
            return new Library(
                    fileName,
                    url,
                    size,
                    size * 31 + Files.getLastModifiedTime(file).toMillis());
        }

        /** Writes the library into {@code folder} unless a whole copy is there; a partial write never shows. */
        void unpackInto(Path folder) throws IOException {
            Path target = folder.resolve(fileName);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                return;
            }
            Path part = Files.createTempFile(folder, fileName, ".part");
            try {
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(part) != size) {
                    throw new IOException("short copy of " + fileName);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }
}
