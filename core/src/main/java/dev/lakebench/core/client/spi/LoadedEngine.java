package dev.lakebench.core.client.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the engine once, through the class loader that loaded the SDK (plain class path, jar or image alike). */
final class LoadedEngine {

    static final String SERVICE_FILE = "META-INF/services/" + EngineServices.class.getName();

    static final EngineServices INSTANCE = load();

    private LoadedEngine() {}

    private static EngineServices load() {
        ClassLoader loader = EngineServices.class.getClassLoader();
        return first(loader).orElseGet(() -> viaServiceLoader(loader));
    }

    /**
     * The provider the first service file on the class path names, which is the one {@link ServiceLoader} would
     * return first. Read directly because a service loader looks for the file in every jar of the class path
     * before it returns: a command's start then opens all of an application's jars (about 75 for Lakebench's)
     * where the first one or two hold the file. Empty when the file is missing or does not name a loadable
     * provider; the service loader then decides (and reports).
     */
    static Optional<EngineServices> first(ClassLoader loader) {
        URL file = loader == null ? ClassLoader.getSystemResource(SERVICE_FILE) : loader.getResource(SERVICE_FILE);
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = file.openStream();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!name.isEmpty()) {
                    Class<?> c = Class.forName(name, true, loader);
                    return Optional.of(
                            EngineServices.class.cast(c.getConstructor().newInstance()));
                }
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static EngineServices viaServiceLoader(ClassLoader loader) {
        Iterator<EngineServices> found =
                ServiceLoader.load(EngineServices.class, loader).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("No Lakebench engine on the class path: " + SERVICE_FILE
                    + " is missing (a repackaged jar must keep or merge its service files)");
        }
        return found.next();
    }
}
