package nl.fotadesk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eclipse.jetty.server.Handler;
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

    /**
     * Services know nothing of HTTP: only the HTTP edge (the routes, the HTTP helpers, the Jetty handlers
     * and the server's wiring in the backend package itself) uses {@code backend.http} or Jetty.
     */
    @Test
    void servicesKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("nl.fotadesk.backend..")
                .and().resideOutsideOfPackages("nl.fotadesk.backend", "nl.fotadesk.backend.api..", "nl.fotadesk.backend.http..")
                .and(notPartOfAJettyHandler())
                .should().dependOnClassesThat().resideInAnyPackage("nl.fotadesk.backend.http..", "org.eclipse.jetty..")
                .check(classes);
    }

    /** Routes reach the database only through services, which answer in the API's records. */
    @Test
    void routesDoNotUseStores() {
        noClasses().that().resideInAPackage("nl.fotadesk.backend.api..")
                .should().dependOnClassesThat().resideInAPackage("nl.fotadesk.backend.store..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("nl.fotadesk.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("nl.fotadesk.backend.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A Jetty handler (or a class nested in one) is the HTTP edge of its package. */
    private static DescribedPredicate<JavaClass> notPartOfAJettyHandler() {
        return DescribedPredicate.describe("not part of a Jetty handler", c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (k.isAssignableTo(Handler.class)) {
                    return false;
                }
            }
            return true;
        });
    }
}
