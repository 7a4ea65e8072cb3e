package dev.lakebench.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern SLICE = Pattern.compile("Slice (\\w+)");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lakebench.core", "dev.lakebench.natives");
    }

    /**
     * No new cycles between core's top-level packages. The cycles that existed when the rule was introduced are
     * listed in core/src/test/resources/architecture/known-cycles.txt (slice paths, not individual dependencies,
     * so that code inside an old cycle can change); the list may only shrink.
     */
    @Test
    void corePackagesGainNoCycles() throws Exception {
        EvaluationResult result = slices().matching("dev.lakebench.core.(*)..").should().beFreeOfCycles().evaluate(classes);
        Set<String> found = new TreeSet<>();
        for (String detail : result.getFailureReport().getDetails()) {
            int end = detail.indexOf("1. Dependencies");
            Matcher m = SLICE.matcher(end < 0 ? detail : detail.substring(0, end));
            List<String> path = new ArrayList<>();
            while (m.find()) {
                path.add(m.group(1));
            }
            found.add(String.join(" -> ", path));
        }
        Set<String> known = new TreeSet<>();
        try (InputStream in = CoreArchitectureTest.class.getResourceAsStream("/architecture/known-cycles.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    known.add(line.strip());
                }
            }
        }
        Set<String> added = new TreeSet<>(found);
        added.removeAll(known);
        assertThat(added).as("new cycles between core's packages; break them (details: %s)", result.getFailureReport()).isEmpty();
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
