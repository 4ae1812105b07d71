package nl.fotadesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of design.md, checked on the compiled classes. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.fotadesk");
    }

    @Test
    void protocolDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("nl.fotadesk.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.fotadesk.backend..", "nl.fotadesk.device..",
                        "nl.fotadesk.client..", "nl.fotadesk.ui..", "nl.fotadesk.cli..", "nl.fotadesk.bench..")
                .check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("nl.fotadesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theUiSeesTheBackendOnlyThroughHttp() {
        noClasses().that().resideInAPackage("nl.fotadesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.fotadesk.backend..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void devicesAndClientsTalkHttpOnly() {
        noClasses().that().resideInAnyPackage("nl.fotadesk.device..", "nl.fotadesk.client..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.fotadesk.backend..", "org.eclipse.jetty..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("nl.fotadesk.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("nl.fotadesk.backend.(*)..").should().beFreeOfCycles().check(classes);
    }
}
