package dev.lakebench.core.backend.local;

import dev.lakebench.core.backend.Backend;
import dev.lakebench.core.backend.BaseBackendTestCase;
import dev.lakebench.core.store.DataDirectory;
import java.nio.file.Path;

/** The embedded engine against the conformance suite. */
class LocalBackendConformanceTest extends BaseBackendTestCase {

    @Override
    protected Backend open(Path dir) {
        return new LocalBackend(new DataDirectory(dir), DataDirectory.DEFAULT_WORKSPACE);
    }
}
