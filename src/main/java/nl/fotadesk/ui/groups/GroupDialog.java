package nl.fotadesk.ui.groups;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Creates or edits a group: its name, and either a saved filter (client, device type, reported
 * firmware version, status; with how many devices match now) or a static list of pasted IMEIs, each
 * checked with the line of a bad one. The checks and saving live in {@link GroupDialogModel}; the
 * dialog stays open with the reason when the server refuses.
 */
final class GroupDialog {
    /** The least room for the form; the rest scrolls. */
    private static final double MIN_CONTENT_HEIGHT = 240;
    private final UiContext context;
    private final GroupDialogModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType save;

    private final TextField name = new TextField();
    private final RadioButton filterKind = new RadioButton();
    private final RadioButton staticKind = new RadioButton();
    private final ComboBox<String> client = new ComboBox<>();
    private final ComboBox<String> type = new ComboBox<>();
    private final ComboBox<String> firmware = new ComboBox<>();
    private final ComboBox<String> status = new ComboBox<>();
    private final TextArea imeis = new TextArea();
    /** The typing pauses after which the count is asked and the IMEIs are checked. */
    private final PauseTransition previewLater = new PauseTransition(Duration.millis(300));
    private final PauseTransition parseLater = new PauseTransition(Duration.millis(200));
    /** The form, and the pane it scrolls in when the window is too small for it. */
    private final VBox form = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(form);

    GroupDialog(UiContext context, GroupsModel groups, GroupView existing, Window owner, Consumer<GroupView> onSaved) {
        this.context = context;
        this.model = new GroupDialogModel(context, groups, existing);
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.setTitle(context.text(existing == null ? "groups.dialog.newTitle" : "groups.dialog.editTitle"));
        dialog.setHeaderText(existing == null ? context.text("groups.dialog.newHeader")
                : context.text("groups.dialog.editHeader", existing.name()));
        save = new ButtonType(context.text(existing == null ? "groups.dialog.create" : "groups.dialog.save"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("groups.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(620);
        // Never smaller than usable, however it was left last time.
        dialog.getDialogPane().setMinSize(520, MIN_CONTENT_HEIGHT + 160);
        dialog.getDialogPane().setId("group-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("group-save");
        saveButton.disableProperty().bind(model.valid.not().or(model.saving).or(model.loadingImeis));
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.submit(g -> {
                dialog.setResult(save);
                dialog.close();
                onSaved.accept(g);
            });
        });
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setId("group-cancel");
        previewLater.playFromStart();
    }

    void show() {
        dialog.setOnShown(e -> fitWindow());
        dialog.show();
        name.requestFocus();
    }

    private Node content() {
        name.setId("group-name");
        name.setPromptText(context.text("groups.dialog.namePrompt"));
        name.textProperty().bindBidirectional(model.name);
        Label nameLabel = new Label(context.text("groups.dialog.name"));
        nameLabel.setLabelFor(name);
        Label nameProblem = problem("group-name-problem", model.nameProblem);

        ToggleGroup kind = new ToggleGroup();
        filterKind.setText(context.text("groups.kind.filter.choice"));
        filterKind.setId("group-kind-filter");
        filterKind.setToggleGroup(kind);
        staticKind.setText(context.text("groups.kind.static.choice"));
        staticKind.setId("group-kind-static");
        staticKind.setToggleGroup(kind);
        filterKind.setSelected(!model.staticKind.get());
        staticKind.selectedProperty().bindBidirectional(model.staticKind);
        Label filterHelp = help(context.text("groups.kind.filter.help"));
        Label staticHelp = help(context.text("groups.kind.static.help"));
        VBox kinds = new VBox(4, filterKind, indent(filterHelp), staticKind, indent(staticHelp));
        if (model.editing()) {
            filterKind.setDisable(true);
            staticKind.setDisable(true);
            kinds.getChildren().add(help(context.text("groups.dialog.kindKept")));
        }

        Node filter = filterPane();
        Node list = staticPane();
        filter.visibleProperty().bind(filterKind.selectedProperty());
        list.visibleProperty().bind(staticKind.selectedProperty());
        StackPane criteria = new StackPane(filter, list);
        StackPane.setAlignment(filter, Pos.TOP_LEFT);
        StackPane.setAlignment(list, Pos.TOP_LEFT);

        GridPane top = new GridPane();
        top.setHgap(12);
        top.setVgap(6);
        top.addRow(0, nameLabel, name);
        top.add(nameProblem, 1, 1);
        top.getColumnConstraints().addAll(labelColumn(), fieldColumn());
        String whose = model.ownerLine();
        if (!whose.isEmpty()) {
            // why fewer clients, types and devices are offered than the user sees elsewhere
            Label ownerLine = help(whose);
            ownerLine.setId("group-owner-line");
            form.getChildren().add(ownerLine);
        }
        form.getChildren().addAll(top, kinds, criteria);
        form.getStyleClass().add("group-dialog-content");
        // Long lists of problems scroll inside the dialog: its buttons always stay in view.
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("dialog-scroll");
        scroll.setMinHeight(MIN_CONTENT_HEIGHT);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The server's refusal shows under the form, never scrolled out of view.
        Label failure = problem("group-error", model.error);
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(8, scroll, failure);
    }

    private Node filterPane() {
        client.setId("group-client");
        type.setId("group-type");
        firmware.setId("group-firmware");
        status.setId("group-status");
        choices(client, model.clientChoices, model.client, s -> s.isEmpty() ? context.text("groups.any.client") : s);
        choices(type, model.typeChoices, model.deviceType, s -> s.isEmpty() ? context.text("groups.any.type") : s);
        choices(status, model.statusChoices, model.status, s -> s.isEmpty() ? context.text("groups.any.status")
                : GroupDialogModel.statusName(context, s));
        firmware.setEditable(true);
        firmware.setPromptText(context.text("groups.any.firmware"));
        firmware.getItems().setAll(model.versions);
        model.versions.addListener((ListChangeListener<String>) c -> {
            String typed = firmware.getEditor().getText();
            firmware.getItems().setAll(model.versions);
            firmware.getEditor().setText(typed);
        });
        firmware.getEditor().textProperty().bindBidirectional(model.firmware);
        firmware.valueProperty().addListener((o, a, now) -> {
            if (now != null && !now.equals(firmware.getEditor().getText())) {
                firmware.getEditor().setText(now);
            }
        });
        firmware.setMaxWidth(Double.MAX_VALUE);
        Label firmwareProblem = problem("group-firmware-problem", model.firmwareProblem);
        firmwareProblem.setWrapText(true);
        for (Observable o : List.of(model.client, model.deviceType, model.firmware, model.status)) {
            o.addListener(x -> previewLater.playFromStart());
        }
        previewLater.setOnFinished(e -> {
            if (dialog.isShowing()) {
                model.preview();
            }
        });

        Label preview = new Label();
        preview.setId("group-preview");
        preview.getStyleClass().add("help-text");
        preview.setWrapText(true);
        preview.textProperty().bind(model.preview);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("groups.filter.client", client), client);
        grid.addRow(1, label("groups.filter.type", type), type);
        Label firmwareLabel = label("groups.filter.firmware", firmware);
        GridPane.setValignment(firmwareLabel, VPos.TOP);
        firmwareLabel.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(2, firmwareLabel, new VBox(4, firmware, firmwareProblem));
        grid.addRow(3, label("groups.filter.status", status), status);
        grid.add(preview, 1, 4);
        grid.getColumnConstraints().addAll(labelColumn(), fieldColumn());
        grid.getStyleClass().add("group-filter");
        return grid;
    }

    private Node staticPane() {
        Label label = new Label(context.text("groups.static.label"));
        label.setLabelFor(imeis);
        imeis.setId("group-imeis");
        imeis.setPromptText(context.text("groups.static.prompt"));
        imeis.setPrefRowCount(9);
        imeis.getStyleClass().add("hash");
        imeis.textProperty().bindBidirectional(model.imeis);
        imeis.editableProperty().bind(model.loadingImeis.not());
        imeis.textProperty().addListener(o -> parseLater.playFromStart());
        parseLater.setOnFinished(e -> model.parse());
        Label summary = new Label();
        summary.setId("group-imeis-summary");
        summary.getStyleClass().add("help-text");
        summary.setWrapText(true);
        summary.textProperty().bind(model.imeiSummary);
        Label problems = problem("group-imeis-problems", model.imeiProblems);
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.textProperty().addListener((o, a, now) -> fitWindow());
        return new VBox(6, label, imeis, summary, problems);
    }

    /**
     * Grows the dialog when the form outgrows it: on opening and when the list of problems grows. The form's
     * height is measured at its width, as its wrapped lines (longer in Dutch) need it.
     */
    private void fitWindow() {
        Platform.runLater(() -> {
            Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (w != null && w.isShowing()) {
                double missing = form.prefHeight(form.getWidth()) - scroll.getViewportBounds().getHeight();
                double room = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight())
                        .stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds().getHeight();
                if (missing > 1) {
                    w.setHeight(Math.min(room * 0.9, w.getHeight() + missing));
                }
            }
        });
    }

    /** Shows {@code choices}, in words by {@code show}, with the choice bound to {@code value}. */
    private static void choices(ComboBox<String> box, ObservableList<String> choices,
                                StringProperty value, Function<String, String> show) {
        box.setItems(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return show.apply(s == null ? GroupDialogModel.ANY : s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
    }

    /** A red line under a field that shows {@code text} and takes no room while it is empty. */
    private static Label problem(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("error-text");
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Label label(String key, Node field) {
        Label l = new Label(context.text(key));
        l.setLabelFor(field);
        return l;
    }

    private static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help-text");
        l.setWrapText(true);
        return l;
    }

    private static Node indent(Node n) {
        VBox box = new VBox(n);
        box.setStyle("-fx-padding: 0 0 0 26;");
        return box;
    }

    private static ColumnConstraints labelColumn() {
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        return labels;
    }

    private static ColumnConstraints fieldColumn() {
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        return fields;
    }
}
