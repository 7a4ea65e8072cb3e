package dev.lakebench.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.lakebench.core.client.spi.EngineServices;
import dev.lakebench.core.provider.CoreEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the engine side, as rules (docs/decisions/0014-code-layout.md, 0016-one-way-layers.md): no cycles
 * between core's packages, one-way layers, the engine's driver classes only inside the native module, and native below core.
 */
class CoreArchitectureTest {

    /**
     * The engine functions (search scoring, vector writes, the hits table function) are written against the
     * engine's function API; they stay the one listed exception until that API has a wrapper in the native module.
     */
    static final String ENGINE_FUNCTIONS = "dev.lakebench.core.index.engine.SearchFunctions";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lakebench.core", "dev.lakebench.natives");
    }

    /**
     * No cycles between core's packages. A slice is a top-level package, with two refinements: the SDK's
     * surface is one slice, "api" ({@code client} with its service interface, {@code dataset}, and the backend
     * contract in {@code backend}'s own package), because its public signatures name each other and their names
     * are part of the SDK (Client.openTable returns a Dataset, Dataset.get a Row; Client takes a Backend); and
     * each backend implementation ({@code backend.local}, {@code backend.managed}, {@code backend.postgres}) is
     * a slice of its own.
     */
    @Test
    void corePackagesHaveNoCycles() {
        slices().assignedFrom(CORE_SLICES).should().beFreeOfCycles().check(classes);
    }

    /**
     * The package picture is one-way: shared types at the bottom, the SDK's surface above them, the engines
     * above that, and on top the provider that plugs the engines into the SDK's facades (found at run time
     * through {@code client.spi.EngineServices}). Every core package must belong to a layer.
     */
    @Test
    void layersPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitectureIgnoring("dev.lakebench.natives..")
                .layer("Types")
                .definedBy(
                        "dev.lakebench.core.schema..", "dev.lakebench.core.concurrent..", "dev.lakebench.core.json..")
                .layer("Api")
                .definedBy("dev.lakebench.core.client..", "dev.lakebench.core.dataset..", "dev.lakebench.core.backend")
                .layer("Engines")
                .definedBy(
                        "dev.lakebench.core.store..",
                        "dev.lakebench.core.sql..",
                        "dev.lakebench.core.index..",
                        "dev.lakebench.core.hub..",
                        "dev.lakebench.core.connections..",
                        "dev.lakebench.core.embed..",
                        "dev.lakebench.core.ingest..",
                        "dev.lakebench.core.backend.local..",
                        "dev.lakebench.core.backend.managed..",
                        "dev.lakebench.core.backend.postgres..")
                .layer("Provider")
                .definedBy("dev.lakebench.core.provider..")
                .whereLayer("Provider")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Engines")
                .mayOnlyBeAccessedByLayers("Provider")
                .whereLayer("Api")
                .mayOnlyBeAccessedByLayers("Engines", "Provider")
                .whereLayer("Types")
                .mayOnlyBeAccessedByLayers("Api", "Engines", "Provider")
                .check(classes);
    }

    /** The facades find the engines through the service registration (the same on the class path, in the jar and in images). */
    @Test
    void theFacadesFindTheEngine() {
        assertThat(EngineServices.get()).isInstanceOf(CoreEngine.class);
    }

    @Test
    void theEngineDriverIsUsedOnlyInsideNatives() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.core..")
                .and(DescribedPredicate.not(engineFunctions()))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.duckdb..")
                .because("the native module owns the engine (EngineSession, RowAppender, EngineValues)")
                .check(classes);
    }

    @Test
    void nativeIsBelowCore() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.natives..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.lakebench.core..", "dev.lakebench.app..")
                .check(classes);
    }

    @Test
    void coreIsBelowTheApp() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.lakebench.app..")
                .check(classes);
    }

    @Test
    void indexesDoNotKnowTheBackends() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.core.index..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.lakebench.core.backend..")
                .because(
                        "the local backend plugs the index package in (TableListener, IndexProvider), not the other way")
                .check(classes);
    }

    /** Top-level packages as slices, with the api slice and one slice per backend implementation (see above). */
    private static final SliceAssignment CORE_SLICES = new SliceAssignment() {
        private static final String CORE = "dev.lakebench.core.";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(CORE)) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring(CORE.length()).split("\\.");
            String top = parts[0];
            if (top.equals("client") || top.equals("dataset") || (top.equals("backend") && parts.length == 1)) {
                return SliceIdentifier.of("api");
            }
            return top.equals("backend") ? SliceIdentifier.of("backend." + parts[1]) : SliceIdentifier.of(top);
        }

        @Override
        public String getDescription() {
            return "core's top-level packages, the SDK's surface as one slice (api), each backend implementation apart";
        }
    };

    private static DescribedPredicate<JavaClass> engineFunctions() {
        return DescribedPredicate.describe(
                "the engine functions (" + ENGINE_FUNCTIONS + ")",
                c -> c.getName().equals(ENGINE_FUNCTIONS) || c.getName().startsWith(ENGINE_FUNCTIONS + "$"));
    }
}
