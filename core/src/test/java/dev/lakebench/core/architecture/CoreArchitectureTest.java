package dev.lakebench.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the engine side, as rules (docs/decisions/0014-code-layout.md): no cycles between core's
 * packages, the engine's driver classes only inside the native module, and native below core.
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
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lakebench.core", "dev.lakebench.natives");
    }

    /**
     * No cycles between core's top-level packages. Cycles that existed when the rule was introduced are kept in
     * the committed store (core/src/test/resources/archunit-store) and may only shrink; a new one fails.
     */
    @Test
    void corePackagesHaveNoCycles() {
        FreezingArchRule.freeze(slices().matching("dev.lakebench.core.(*)..").should().beFreeOfCycles()).check(classes);
    }

    @Test
    void theEngineDriverIsUsedOnlyInsideNatives() {
        noClasses().that().resideInAPackage("dev.lakebench.core..").and(DescribedPredicate.not(engineFunctions()))
                .should().dependOnClassesThat().resideInAPackage("org.duckdb..")
                .because("the native module owns the engine (EngineSession, RowAppender, EngineValues)")
                .check(classes);
    }

    @Test
    void nativeIsBelowCore() {
        noClasses().that().resideInAPackage("dev.lakebench.natives..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lakebench.core..", "dev.lakebench.app..")
                .check(classes);
    }

    @Test
    void coreIsBelowTheApp() {
        noClasses().that().resideInAPackage("dev.lakebench.core..")
                .should().dependOnClassesThat().resideInAPackage("dev.lakebench.app..")
                .check(classes);
    }

    @Test
    void indexesDoNotKnowTheBackends() {
        noClasses().that().resideInAPackage("dev.lakebench.core.index..")
                .should().dependOnClassesThat().resideInAPackage("dev.lakebench.core.backend..")
                .because("the local backend plugs the index package in (TableListener, IndexProvider), not the other way")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> engineFunctions() {
        return DescribedPredicate.describe("the engine functions (" + ENGINE_FUNCTIONS + ")",
                c -> c.getName().equals(ENGINE_FUNCTIONS) || c.getName().startsWith(ENGINE_FUNCTIONS + "$"));
    }
}
