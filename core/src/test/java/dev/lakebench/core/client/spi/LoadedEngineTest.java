package dev.lakebench.core.client.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.provider.CoreEngine;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine is found from the first service file, as the service loader would find it first. */
class LoadedEngineTest {

    @Test
    void theFirstServiceFileNamesTheEngine() {
        ClassLoader loader = EngineServices.class.getClassLoader();
        assertThat(LoadedEngine.first(loader)).get().isInstanceOf(CoreEngine.class);
        assertThat(LoadedEngine.first(loader).get().getClass())
                .isEqualTo(ServiceLoader.load(EngineServices.class, loader)
                        .iterator()
                        .next()
                        .getClass());
        assertThat(EngineServices.get()).isInstanceOf(CoreEngine.class);
    }

    @Test
    void commentsAndBlankLinesAreSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(LoadedEngine.SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# the engine\n\n  " + CoreEngine.class.getName() + "  # comment\n");
        assertThat(LoadedEngine.first(only(file.toUri().toURL()))).get().isInstanceOf(CoreEngine.class);
    }

    @Test
    void aFileNamingNoLoadableClassLeavesItToTheServiceLoader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(LoadedEngine.SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "dev.lakebench.NoSuchEngine\n");
        assertThat(LoadedEngine.first(only(file.toUri().toURL()))).isEmpty();
        Files.writeString(file, "# nothing\n");
        assertThat(LoadedEngine.first(only(file.toUri().toURL()))).isEmpty();
        assertThat(LoadedEngine.first(only(null))).isEmpty();
    }

    /** A loader whose service file is {@code url} (classes come from the test's own loader). */
    private static ClassLoader only(URL url) {
        return new ClassLoader(LoadedEngineTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals(LoadedEngine.SERVICE_FILE) ? url : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals(LoadedEngine.SERVICE_FILE)
                        ? Collections.enumeration(url == null ? java.util.List.of() : java.util.List.of(url))
                        : super.getResources(name);
            }
        };
    }
}
