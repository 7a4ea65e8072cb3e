package dev.lakebench.core.backend.managed;

/**
 * The conformance suite with every fallback forced at once: no table-registration endpoint, {@code params}
 * refused, plain tables refused, a 256 KiB body limit, and {@code current_schema()} being {@code public}.
 */
class ManagedBackendStrictModesConformanceTest extends ManagedBackendConformanceTest {

    @Override
    protected void strictModes(FakeManagedService service) {
        service.registrationStatus(405);
        service.refuseParams(true);
        service.refuseHeapTables(true);
        service.maxBodyBytes(256 * 1024);
        service.publicSchema(true);
    }
}
