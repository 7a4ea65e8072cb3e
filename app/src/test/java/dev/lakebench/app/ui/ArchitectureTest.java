package dev.lakebench.app.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way (app → core → native) and JavaFX stays in the workbench. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lakebench");
    }

    @Test
    void coreAndNativeDoNotKnowJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.lakebench.core..", "dev.lakebench.natives..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.fxmisc..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void coreAndNativeDoNotKnowTheApp() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.lakebench.core..", "dev.lakebench.natives..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.lakebench.app..")
                .check(classes);
    }

    @Test
    void nativeDoesNotKnowCore() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.natives..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.lakebench.core..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotNeedTheWindow() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.app.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.lakebench.app.ui..", "javafx..")
                .check(classes);
    }

    /** Threads are owned once: {@code Threads} in ui.common creates every executor and alone posts to the FX thread. */
    @Test
    void onlyTheCommonThreadsCreateExecutorsOrPostToTheFxThread() {
        noClasses()
                .that()
                .resideInAPackage("dev.lakebench.app.ui..")
                .and()
                .resideOutsideOfPackage("dev.lakebench.app.ui.common..")
                .should()
                .accessTargetWhere(
                        com.tngtech.archunit.base.DescribedPredicate
                                .<com.tngtech.archunit.core.domain.JavaAccess<?>>describe(
                                        "Platform.runLater",
                                        a -> a.getTargetOwner().isEquivalentTo(javafx.application.Platform.class)
                                                && a.getName().equals("runLater")))
                .orShould()
                .accessClassesThat()
                .belongToAnyOf(
                        java.util.concurrent.Executors.class,
                        java.util.concurrent.ThreadPoolExecutor.class,
                        java.util.concurrent.ScheduledThreadPoolExecutor.class,
                        java.util.concurrent.ForkJoinPool.class)
                .orShould()
                .callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))))
                .because("every thread of the workbench is owned by ui.common.Threads")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoTheShell() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.lakebench.app.ui.browser..",
                        "dev.lakebench.app.ui.sql..",
                        "dev.lakebench.app.ui.grid..",
                        "dev.lakebench.app.ui.ingest..",
                        "dev.lakebench.app.ui.detail..",
                        "dev.lakebench.app.ui.common..",
                        "dev.lakebench.app.ui.theme..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.lakebench.app.ui.shell..")
                .check(classes);
    }
}
