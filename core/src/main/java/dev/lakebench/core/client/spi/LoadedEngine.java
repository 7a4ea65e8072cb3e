package dev.lakebench.core.client.spi;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the engine once, through the class loader that loaded the SDK (plain class path, jar or image alike). */
final class LoadedEngine {

    static final EngineServices INSTANCE = load();

    private LoadedEngine() {}

    private static EngineServices load() {
        Iterator<EngineServices> found = ServiceLoader.load(EngineServices.class, EngineServices.class.getClassLoader())
                .iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException(
                    "No Lakebench engine on the class path: META-INF/services/" + EngineServices.class.getName()
                            + " is missing (a repackaged jar must keep or merge its service files)");
        }
        return found.next();
    }
}
