package dev.lakebench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lakebench.app.ui.common.Threads;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The UI tests follow the rules of docs/ui-tests.md that a machine can check. */
class UiTestRulesTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.lakebench.app");

    @Test
    void windowTestsUseTheRobotThatLooksNodesUpOnTheFxThread() {
        List<String> offenders = TESTS.stream()
                .filter(c -> c.isAnnotatedWith(ExtendWith.class))
                .filter(c -> Arrays.asList(
                                c.reflect().getAnnotation(ExtendWith.class).value())
                        .contains(ApplicationExtension.class))
                .map(JavaClass::getName)
                .toList();
        assertThat(offenders)
                .as("tests extended with TestFX's ApplicationExtension, whose lookups race the FX thread:"
                        + " use FxRobotExtension")
                .isEmpty();
    }

    @Test
    void viewModelTestsGetTheirUiExecutorFromTheirUiThread() {
        List<String> offenders = TESTS.stream()
                .filter(c -> !c.getName().startsWith(UiThread.class.getName()))
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().isEquivalentTo(Threads.class)
                        && call.getName().equals("withUi"))
                .map(JavaMethodCall::getDescription)
                .toList();
        assertThat(offenders)
                .as("view-model tests that choose their own UI executor (one that runs updates on whichever thread"
                        + " finishes the work races the test's reads): use UiThread, or FxFixture.tasks in a window")
                .isEmpty();
    }
}
