package dev.lakebench.core.backend.managed;

/** The same conformance suite against the fake service shaped as the written protocol (OrgID tokens, 400 errors). */
class ManagedBackendSpecProfileConformanceTest extends ManagedBackendConformanceTest {

    @Override
    protected FakeManagedService.Profile profile() {
        return FakeManagedService.Profile.SPEC;
    }
}
