package nl.fotadesk.ui.campaigns;

import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.ImeiList;
import nl.fotadesk.protocol.api.CampaignPreview;
import nl.fotadesk.protocol.api.CatalogEntry;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupKind;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewCampaign;
import nl.fotadesk.ui.UiContext;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2: which devices. Every criterion set must match: client, device type, group, a list of IMEIs
 * (pasted or imported from a file), and optionally at most N of them. The number of matching devices
 * is asked from the server as the user chooses.
 */
final class TargetStep implements WizardStep {
    /** "Any" in the choice boxes. */
    private static final String ANY = "";
    private static final GroupView NO_GROUP = new GroupView("", "", GroupKind.STATIC, null, 0, null);

    private final UiContext context;
    private final CampaignTexts texts;
    private final CampaignDraft draft;
    private final FormErrors errors;
    private final ComboBox<String> client = new ComboBox<>();
    private final ComboBox<String> type = new ComboBox<>();
    private final ComboBox<GroupView> group = new ComboBox<>();
    private final TextArea imeis = new TextArea();
    private final Label imeiStatus = new Label();
    private final CheckBox capEnabled = new CheckBox();
    private final TextField cap = Forms.number("wizard-cap", 6);
    private final ComboBox<String> capOrder = new ComboBox<>();
    private final Label match = new Label();
    private final Label typeWarning = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private final VBox root;
    private int previewGeneration;
    private Integer targeted;

    TargetStep(UiContext context, CampaignTexts texts, CampaignDraft draft, ObjectProperty<WizardData> data) {
        this.context = context;
        this.texts = texts;
        this.draft = draft;
        this.errors = new FormErrors(texts);

        client.setId("wizard-client");
        client.setConverter(anyConverter("campaigns.wizard.anyClient"));
        client.getItems().add(ANY);
        client.setValue(ANY);
        client.valueProperty().addListener((o, a, v) -> draft.client.set(blankToNull(v)));

        type.setId("wizard-type");
        type.setConverter(anyConverter("campaigns.wizard.anyType"));
        type.getItems().add(ANY);
        type.setValue(ANY);
        type.valueProperty().addListener((o, a, v) -> draft.deviceType.set(blankToNull(v)));
        draft.deviceType.addListener((o, a, v) -> {
            String shown = v == null ? ANY : v;
            if (!type.getItems().contains(shown)) {
                type.getItems().add(shown);
            }
            type.setValue(shown);
        });

        group.setId("wizard-group");
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupView g) {
                return g == null || g == NO_GROUP ? texts.text("campaigns.wizard.noGroup")
                        : texts.text("campaigns.wizard.groupItem", g.name(), g.members());
            }

            @Override
            public GroupView fromString(String s) {
                return null;
            }
        });
        group.getItems().add(NO_GROUP);
        group.setValue(NO_GROUP);
        group.valueProperty().addListener((o, a, g) -> draft.group.set(g == NO_GROUP ? null : g));

        data.addListener((o, old, d) -> {
            if (d != null) {
                fill(d);
            }
        });
        if (data.get() != null) {
            fill(data.get()); // a wizard kept across a language switch has its data and choices already
        }

        imeis.setId("wizard-imeis");
        imeis.setPromptText(texts.text("campaigns.wizard.imeisPrompt"));
        imeis.setPrefRowCount(4);
        imeis.setWrapText(true);
        imeis.textProperty().bindBidirectional(draft.imeis);
        Button importFile = new Button(texts.text("campaigns.wizard.importImeis"));
        importFile.setId("wizard-import");
        importFile.setOnAction(e -> importFile());
        imeiStatus.setId("wizard-imei-status");
        imeiStatus.getStyleClass().add("help-text");
        draft.imeis.addListener((o, a, b) -> updateImeiStatus());

        capEnabled.setId("wizard-cap-enabled");
        capEnabled.setText(texts.text("campaigns.wizard.capAtMost"));
        capEnabled.selectedProperty().bindBidirectional(draft.capEnabled);
        cap.textProperty().bindBidirectional(draft.cap);
        cap.disableProperty().bind(capEnabled.selectedProperty().not());
        capOrder.setId("wizard-cap-order");
        capOrder.getItems().setAll("random", "imei");
        capOrder.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : texts.text("campaigns.wizard.capOrder." + s);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        capOrder.valueProperty().bindBidirectional(draft.capOrder);
        capOrder.disableProperty().bind(capEnabled.selectedProperty().not());

        GridPane grid = Forms.grid();
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.client"), client), client, null, null);
        VBox typeBox = new VBox(4, type, typeWarning);
        typeWarning.getStyleClass().add("warning-text");
        typeWarning.setWrapText(true);
        typeWarning.managedProperty().bind(typeWarning.textProperty().isNotEmpty());
        typeWarning.visibleProperty().bind(typeWarning.managedProperty());
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.type"), type), typeBox,
                Forms.help(texts.text("campaigns.wizard.typeHelp")), null);
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.group"), group), group, null, null);
        VBox imeiBox = new VBox(6, imeis, Forms.inline(importFile, imeiStatus));
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.imeis"), imeis), imeiBox,
                Forms.help(texts.text("campaigns.wizard.imeisHelp")), errors.label("imeis", imeis));
        Label devicesWord = new Label(texts.text("campaigns.wizard.capDevices"));
        Forms.row(grid, Forms.fieldLabel(texts.text("campaigns.wizard.cap"), capEnabled),
                Forms.inline(capEnabled, cap, devicesWord, capOrder), Forms.help(texts.text("campaigns.wizard.capHelp")),
                errors.label("cap", cap));

        match.setId("wizard-match");
        match.getStyleClass().add("match-text");
        match.setWrapText(true);
        VBox matchCard = Forms.card(match);
        matchCard.getStyleClass().add("match-card");

        root = new VBox(16, Forms.help(texts.text("campaigns.wizard.targetIntro")), grid, matchCard);
        root.getStyleClass().add("wizard-step-body");

        errors.recheck(draft::checkTarget, draft.imeis, draft.capEnabled, draft.cap);
        for (ComboBox<?> box : List.of(client, type, group)) {
            box.setPrefWidth(Forms.CHOICE_WIDTH);
        }
        debounce.setOnFinished(e -> preview());
        for (Observable p : List.of(draft.firmware, draft.client, draft.deviceType, draft.group, draft.imeis,
                draft.capEnabled, draft.cap, draft.capOrder)) {
            p.addListener(o -> {
                updateTypeWarning();
                if (root.getScene() != null) {
                    debounce.playFromStart();
                }
            });
        }
        updateImeiStatus();
    }

    @Override
    public String titleKey() {
        return "campaigns.step.target";
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void enter() {
        updateTypeWarning();
        preview();
    }

    @Override
    public boolean check() {
        return errors.check();
    }

    /** How many devices the target updates, as last counted; null before the first count. */
    Integer targeted() {
        return targeted;
    }

    private void fill(WizardData d) {
        // read the choices first: replacing a box's items can clear its value, and with it the draft's
        String chosenClient = draft.client.get();
        String chosenType = draft.deviceType.get();
        GroupView chosenGroup = draft.group.get();
        List<String> clients = new ArrayList<>(List.of(ANY));
        d.clients().forEach(c -> clients.add(c.name()));
        client.getItems().setAll(clients);
        client.setValue(chosenClient == null ? ANY : chosenClient);
        List<String> types = new ArrayList<>(List.of(ANY));
        d.deviceTypes().stream().map(CatalogEntry::name).forEach(types::add);
        if (chosenType != null && !types.contains(chosenType)) {
            types.add(chosenType);
        }
        type.getItems().setAll(types);
        type.setValue(chosenType == null ? ANY : chosenType);
        List<GroupView> groups = new ArrayList<>(List.of(NO_GROUP));
        groups.addAll(d.groups());
        group.getItems().setAll(groups);
        group.setValue(chosenGroup == null ? NO_GROUP : chosenGroup);
    }

    private void updateTypeWarning() {
        FirmwareView f = draft.firmware.get();
        String t = draft.deviceType.get();
        typeWarning.setText(f != null && t != null && !t.equals(f.deviceType())
                ? texts.text("campaigns.wizard.typeMismatch", f.deviceType(), t) : "");
    }

    private void updateImeiStatus() {
        ImeiList list = ImeiList.parse(draft.imeis.get());
        if (list.isEmpty()) {
            imeiStatus.setText(texts.text("campaigns.wizard.imeisNone"));
        } else if (list.invalid().isEmpty()) {
            imeiStatus.setText(texts.text("campaigns.wizard.imeisCount", list.imeis().size(), list.duplicates()));
        } else {
            imeiStatus.setText(texts.text("campaigns.wizard.imeisInvalid", list.imeis().size(), list.invalid().size()));
        }
    }

    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("campaigns.wizard.importTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.text("campaigns.wizard.importFilter"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(texts.text("campaigns.wizard.importAll"), "*.*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        context.run(() -> ImeiList.extract(Files.readString(file.toPath(), StandardCharsets.UTF_8)), found -> {
            if (found.isEmpty()) {
                errors.show(List.of(new CampaignDraft.Problem("imeis", "campaigns.wizard.importNone", file.getName())));
                return;
            }
            String existing = draft.imeis.get() == null ? "" : draft.imeis.get().strip();
            draft.imeis.set((existing.isEmpty() ? "" : existing + "\n") + String.join("\n", found));
            errors.show(List.of());
            imeiStatus.setText(texts.text("campaigns.wizard.imported", found.size(), file.getName()) + " "
                    + imeiStatus.getText());
        }, message -> errors.show(List.of(new CampaignDraft.Problem("imeis", "campaigns.wizard.importFailed",
                file.getName(), message))));
    }

    /** Asks the server how many devices the target matches now; only the newest answer is shown. */
    private void preview() {
        debounce.stop();
        if (draft.firmware.get() == null) {
            match.setText(texts.text("campaigns.wizard.matchNoFirmware"));
            return;
        }
        if (!draft.checkTarget().isEmpty()) {
            match.setText(texts.text("campaigns.wizard.matchFix"));
            return;
        }
        int generation = ++previewGeneration;
        NewCampaign request = draft.toNewCampaign();
        match.setText(texts.text("campaigns.wizard.matchCounting"));
        ServerCall.run(context, () -> context.client().previewCampaign(request), p -> {
            if (generation == previewGeneration) {
                show(p);
            }
        }, message -> {
            if (generation == previewGeneration) {
                match.setText(message);
            }
        });
    }

    private void show(CampaignPreview p) {
        targeted = p.targeted();
        String text = texts.text("campaigns.wizard.matchResult", p.matched(), p.targeted(),
                draft.firmware.get().version());
        if (!p.conflicts().isEmpty()) {
            int held = p.conflicts().stream().mapToInt(c -> c.devices()).sum();
            text += "\n" + texts.text("campaigns.wizard.matchConflicts", held);
        }
        match.setText(text);
    }

    private StringConverter<String> anyConverter(String anyKey) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? texts.text(anyKey) : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
