package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;

/** One step of the new-campaign wizard. */
interface WizardStep {
    /** The i18n key of its name in the step bar. */
    String titleKey();

    Node node();

    /** Called each time the step is shown. */
    default void enter() {
    }

    /** Checks the step before Next, showing what to fix; true when the wizard may go on. */
    boolean check();
}
