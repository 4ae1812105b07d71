package nl.fotadesk.ui.campaigns;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import nl.fotadesk.protocol.api.FirmwareView;

/** Step 1: which firmware image to roll out, and the campaign's name. */
final class FirmwareStep implements WizardStep {
    private final CampaignTexts texts;
    private final CampaignDraft draft;
    private final FormErrors errors;
    private final ComboBox<FirmwareView> firmware = new ComboBox<>();
    private final TextField name = new TextField();
    private final GridPane details = Forms.grid();
    private final VBox root;
    private String suggestedName = "";

    FirmwareStep(CampaignTexts texts, CampaignDraft draft, ObjectProperty<WizardData> data) {
        this.texts = texts;
        this.draft = draft;
        this.errors = new FormErrors(texts);

        firmware.setId("wizard-firmware");
        firmware.setPromptText(texts.text("campaigns.wizard.loading"));
        firmware.setPrefWidth(Forms.CHOICE_WIDTH * 1.6);
        firmware.setVisibleRowCount(14);
        firmware.setCellFactory(l -> new FirmwareCell(true));
        firmware.setButtonCell(new FirmwareCell(false));
        firmware.valueProperty().bindBidirectional(draft.firmware);
        draft.firmware.addListener((o, old, now) -> chosen(now));
        data.addListener((o, old, now) -> offer(now));
        offer(data.get()); // a wizard kept across a language switch has its data and choice already

        name.setId("wizard-name");
        name.setPromptText(texts.text("campaigns.wizard.namePrompt"));
        name.setPrefColumnCount(32);
        name.textProperty().bindBidirectional(draft.name);

        GridPane grid = Forms.grid();
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.firmware"), firmware), firmware,
                Forms.help(texts.text("campaigns.wizard.firmwareHelp")), errors.label("firmware", firmware));
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.name"), name), name,
                Forms.help(texts.text("campaigns.wizard.nameHelp")), errors.label("name", name));
        details.setId("wizard-firmware-details");
        details.getStyleClass().add("card");
        details.setVisible(false);
        details.managedProperty().bind(details.visibleProperty());

        errors.recheck(draft::checkFirmware, draft.firmware, draft.name);
        root = new VBox(16, Forms.help(texts.text("campaigns.wizard.firmwareIntro")), grid, details);
        root.getStyleClass().add("wizard-step-body");
        showDetails(draft.firmware.get());
    }

    @Override
    public String titleKey() {
        return "campaigns.step.firmware";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void enter() {
        firmware.requestFocus();
    }

    @Override
    public boolean check() {
        return errors.check();
    }

    private void offer(WizardData d) {
        if (d != null) {
            firmware.getItems().setAll(d.firmware());
            firmware.setPromptText(texts.text(d.firmware().isEmpty() ? "campaigns.wizard.noFirmware"
                    : "campaigns.wizard.chooseFirmware"));
        }
    }

    private void chosen(FirmwareView f) {
        showDetails(f);
        if (f == null) {
            return;
        }
        // The name follows the firmware until the user types their own.
        String current = draft.name.get() == null ? "" : draft.name.get().trim();
        String suggestion = texts.text("campaigns.wizard.defaultName", f.deviceType(), f.version());
        if (current.isEmpty() || current.equals(suggestedName)) {
            draft.name.set(suggestion);
        }
        suggestedName = suggestion;
        draft.deviceType.set(f.deviceType());
    }

    private void showDetails(FirmwareView f) {
        details.getChildren().clear();
        details.setVisible(f != null);
        if (f == null) {
            return;
        }
        addDetail("campaigns.wizard.fwType", f.deviceType());
        addDetail("campaigns.wizard.fwVersion", f.version());
        addDetail("campaigns.wizard.fwSize", texts.i18n().bytes(f.size()));
        addDetail("campaigns.wizard.fwUploaded", texts.dateTime(f.uploadedAt()));
        addDetail("campaigns.wizard.fwSha", f.sha256());
        if (f.campaigns() > 0) {
            addDetail("campaigns.wizard.fwCampaigns", texts.number(f.campaigns()));
        }
    }

    private void addDetail(String key, String value) {
        int row = details.getRowCount();
        Label k = new Label(texts.text(key));
        k.getStyleClass().add("field-label");
        Label v = new Label(value);
        v.getStyleClass().add("detail-value");
        if ("campaigns.wizard.fwSha".equals(key)) {
            v.getStyleClass().add("monospace");
        }
        details.add(k, 0, row);
        details.add(v, 1, row);
    }

    /** "tracker-x 1.2.0", and in the list its size and upload date too. */
    private final class FirmwareCell extends ListCell<FirmwareView> {
        private final boolean detailed;

        FirmwareCell(boolean detailed) {
            this.detailed = detailed;
        }

        @Override
        protected void updateItem(FirmwareView f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                return;
            }
            String label = texts.text("campaigns.firmwareOf", f.deviceType(), f.version());
            setText(detailed ? texts.text("campaigns.wizard.firmwareItem", label, texts.i18n().bytes(f.size()),
                    texts.dateTime(f.uploadedAt())) : label);
        }
    }
}
