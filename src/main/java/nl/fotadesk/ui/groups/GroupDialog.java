package nl.fotadesk.ui.groups;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
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
import nl.fotadesk.client.DeviceQuery;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.protocol.api.FirmwareView;
import nl.fotadesk.protocol.api.GroupFilter;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.protocol.api.NewGroup;
import nl.fotadesk.ui.UiContext;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Creates or edits a group: its name, and either a saved filter (client, device type, reported
 * firmware version, status; with how many devices match now) or a static list of pasted IMEIs, each
 * checked with the line of a bad one. Saving happens in the background; the dialog stays open with
 * the reason when the server refuses.
 */
final class GroupDialog {
    static final String ANY = "";
    private static final int MAX_NAME = 64;
    private static final int MAX_PROBLEMS_SHOWN = 6;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    private final UiContext context;
    private final GroupsModel model;
    private final GroupView existing;
    private final Consumer<GroupView> onSaved;
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
    private final Label preview = new Label();
    private final Label imeiSummary = new Label();
    private final Label imeiProblems = new Label();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    /** True while a static group's IMEIs are being loaded for editing. */
    private final BooleanProperty loadingImeis = new SimpleBooleanProperty();
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final PauseTransition previewLater = new PauseTransition(Duration.millis(300));
    private final PauseTransition parseLater = new PauseTransition(Duration.millis(200));
    private ImeiList.Result parsed = ImeiList.parse("");
    private long previewRequest;

    GroupDialog(UiContext context, GroupsModel model, GroupView existing, Window owner, Consumer<GroupView> onSaved) {
        this.context = context;
        this.model = model;
        this.existing = existing;
        this.onSaved = onSaved;
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
        dialog.getDialogPane().setId("group-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("group-save");
        saveButton.disableProperty().bind(valid.not().or(saving).or(loadingImeis));
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setId("group-cancel");
        fill();
        validate();
    }

    void show() {
        dialog.show();
        name.requestFocus();
    }

    private Node content() {
        name.setId("group-name");
        name.setPromptText(context.text("groups.dialog.namePrompt"));
        name.textProperty().addListener(o -> validate());
        Label nameLabel = new Label(context.text("groups.dialog.name"));
        nameLabel.setLabelFor(name);
        Label nameProblem = new Label();
        nameProblem.setId("group-name-problem");
        nameProblem.getStyleClass().add("error-text");
        nameProblem.managedProperty().bind(nameProblem.visibleProperty());
        nameProblem.visibleProperty().bind(nameProblem.textProperty().isNotEmpty());
        name.textProperty().addListener((o, a, now) -> nameProblem.setText(nameProblem(now)));

        ToggleGroup kind = new ToggleGroup();
        filterKind.setText(context.text("groups.kind.filter.choice"));
        filterKind.setId("group-kind-filter");
        filterKind.setToggleGroup(kind);
        staticKind.setText(context.text("groups.kind.static.choice"));
        staticKind.setId("group-kind-static");
        staticKind.setToggleGroup(kind);
        filterKind.setSelected(true);
        Label filterHelp = help(context.text("groups.kind.filter.help"));
        Label staticHelp = help(context.text("groups.kind.static.help"));
        VBox kinds = new VBox(4, filterKind, indent(filterHelp), staticKind, indent(staticHelp));
        if (existing != null) {
            filterKind.setDisable(true);
            staticKind.setDisable(true);
            Label kept = help(context.text("groups.dialog.kindKept"));
            kinds.getChildren().add(kept);
        }

        Node filter = filterPane();
        Node list = staticPane();
        filter.visibleProperty().bind(filterKind.selectedProperty());
        list.visibleProperty().bind(staticKind.selectedProperty());
        kind.selectedToggleProperty().addListener(o -> validate());
        StackPane criteria = new StackPane(filter, list);
        StackPane.setAlignment(filter, Pos.TOP_LEFT);
        StackPane.setAlignment(list, Pos.TOP_LEFT);

        Label failure = new Label();
        failure.setId("group-error");
        failure.getStyleClass().add("error-text");
        failure.setWrapText(true);
        failure.textProperty().bind(error);
        failure.visibleProperty().bind(error.isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        GridPane top = new GridPane();
        top.setHgap(12);
        top.setVgap(6);
        top.addRow(0, nameLabel, name);
        top.add(nameProblem, 1, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        top.getColumnConstraints().addAll(labels, fields);
        VBox content = new VBox(14, top, kinds, criteria, failure);
        content.getStyleClass().add("group-dialog-content");
        return content;
    }

    private Node filterPane() {
        client.setId("group-client");
        type.setId("group-type");
        firmware.setId("group-firmware");
        status.setId("group-status");
        choices(client, model.clients, "groups.any.client");
        choices(type, model.deviceTypes, "groups.any.type");
        ObservableList<String> statuses = FXCollections.observableArrayList(ANY);
        Arrays.stream(DeviceStatus.values()).map(DeviceStatus::wireName).forEach(statuses::add);
        status.setItems(statuses);
        status.setConverter(converter(s -> s == null || s.isEmpty() ? context.text("groups.any.status") : statusName(context, s)));
        status.setValue(ANY);
        firmware.setEditable(true);
        firmware.setPromptText(context.text("groups.any.firmware"));
        updateVersions();
        type.valueProperty().addListener(o -> updateVersions());
        for (ComboBox<String> c : List.of(client, type, status)) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.valueProperty().addListener(o -> criteriaChanged());
        }
        firmware.setMaxWidth(Double.MAX_VALUE);
        firmware.getEditor().textProperty().addListener(o -> criteriaChanged());
        firmware.valueProperty().addListener((o, a, now) -> {
            if (now != null && !now.equals(firmware.getEditor().getText())) {
                firmware.getEditor().setText(now);
            }
        });
        Label firmwareProblem = new Label();
        firmwareProblem.setId("group-firmware-problem");
        firmwareProblem.getStyleClass().add("error-text");
        firmwareProblem.setWrapText(true);
        firmwareProblem.managedProperty().bind(firmwareProblem.visibleProperty());
        firmwareProblem.visibleProperty().bind(firmwareProblem.textProperty().isNotEmpty());
        firmware.getEditor().textProperty().addListener((o, a, now) -> firmwareProblem.setText(
                versionOk(now) ? "" : context.text("groups.dialog.badFirmware")));

        preview.setId("group-preview");
        preview.getStyleClass().add("help-text");
        preview.setWrapText(true);
        previewLater.setOnFinished(e -> preview());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("groups.filter.client", client), client);
        grid.addRow(1, label("groups.filter.type", type), type);
        Label firmwareLabel = label("groups.filter.firmware", firmware);
        GridPane.setValignment(firmwareLabel, javafx.geometry.VPos.TOP);
        firmwareLabel.setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
        grid.addRow(2, firmwareLabel, new VBox(4, firmware, firmwareProblem));
        grid.addRow(3, label("groups.filter.status", status), status);
        grid.add(preview, 1, 4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
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
        imeis.textProperty().addListener(o -> parseLater.playFromStart());
        parseLater.setOnFinished(e -> parse());
        imeiSummary.setId("group-imeis-summary");
        imeiSummary.getStyleClass().add("help-text");
        imeiSummary.setWrapText(true);
        imeiProblems.setId("group-imeis-problems");
        imeiProblems.getStyleClass().add("error-text");
        imeiProblems.setWrapText(true);
        imeiProblems.setMinHeight(Region.USE_PREF_SIZE);
        imeiProblems.textProperty().addListener((o, a, now) -> fitWindow());
        imeiProblems.managedProperty().bind(imeiProblems.visibleProperty());
        imeiProblems.visibleProperty().bind(imeiProblems.textProperty().isNotEmpty());
        return new VBox(6, label, imeis, imeiSummary, imeiProblems);
    }

    /** Puts the group being edited into the fields. */
    private void fill() {
        if (existing == null) {
            return;
        }
        name.setText(existing.name());
        if ("static".equals(existing.kind())) {
            staticKind.setSelected(true);
            loadImeis();
        } else {
            filterKind.setSelected(true);
            GroupFilter f = existing.filter() == null ? new GroupFilter(null, null, null, null) : existing.filter();
            select(client, f.client());
            select(type, f.deviceType());
            firmware.getEditor().setText(f.firmware() == null ? "" : f.firmware());
            status.setValue(f.status() == null ? ANY : f.status().wireName());
        }
    }

    private static void select(ComboBox<String> box, String value) {
        if (value != null && !box.getItems().contains(value)) {
            box.getItems().add(value);
        }
        box.setValue(value == null ? ANY : value);
    }

    /** A static group's IMEIs as stored, for editing (registered devices or not). */
    private void loadImeis() {
        loadingImeis.set(true);
        imeis.setEditable(false);
        imeiSummary.setText(context.text("groups.static.loading"));
        context.run(() -> context.client().groupImeis(existing.id()), all -> {
            imeis.setText(String.join("\n", all));
            imeis.setEditable(true);
            loadingImeis.set(false);
            parse();
        }, message -> {
            loadingImeis.set(false);
            imeiSummary.setText("");
            error.set(message);
        });
    }

    private void updateVersions() {
        String t = type.getValue();
        List<String> versions = model.firmware.stream()
                .filter(f -> t == null || t.isEmpty() || f.deviceType().equals(t))
                .map(FirmwareView::version).distinct().sorted(Comparator.reverseOrder()).toList();
        String typed = firmware.getEditor().getText();
        firmware.getItems().setAll(versions);
        firmware.getEditor().setText(typed);
    }

    private void criteriaChanged() {
        validate();
        previewLater.playFromStart();
    }

    private void preview() {
        if (!dialog.isShowing()) {
            return;
        }
        if (!filterKind.isSelected() || !versionOk(firmware.getEditor().getText())) {
            preview.setText("");
            return;
        }
        GroupFilter f = filter();
        DeviceQuery query = DeviceQuery.ALL.withClient(f.client()).withDeviceType(f.deviceType())
                .withFirmware(f.firmware()).withStatus(f.status()).page(0, 1);
        long request = ++previewRequest;
        preview.setText(context.text("groups.preview.counting"));
        context.run(() -> context.client().devices(query).total(), n -> {
            if (request == previewRequest) {
                boolean any = f.client() == null && f.deviceType() == null && f.firmware() == null && f.status() == null;
                preview.setText(context.text(any ? "groups.preview.all" : "groups.preview", n));
            }
        }, message -> {
            if (request == previewRequest) {
                preview.setText(message);
            }
        });
    }

    private void parse() {
        parsed = ImeiList.parse(imeis.getText());
        int count = parsed.imeis().size();
        imeiSummary.setText(count == 0 && parsed.problems().isEmpty() ? context.text("groups.static.none")
                : parsed.duplicates() > 0 ? context.text("groups.static.countDuplicates", count, parsed.duplicates())
                : context.text("groups.static.count", count));
        StringBuilder problems = new StringBuilder();
        List<ImeiList.Problem> list = parsed.problems();
        for (int i = 0; i < Math.min(MAX_PROBLEMS_SHOWN, list.size()); i++) {
            ImeiList.Problem p = list.get(i);
            if (i > 0) {
                problems.append('\n');
            }
            problems.append(context.text("groups.imei.line", p.line(), p.token(), context.text(p.key(), p.argument())));
        }
        if (list.size() > MAX_PROBLEMS_SHOWN) {
            problems.append('\n').append(context.text("groups.imei.more", list.size() - MAX_PROBLEMS_SHOWN));
        }
        imeiProblems.setText(problems.toString());
        validate();
    }

    /** Grows the dialog when the list of problems outgrows it. */
    private void fitWindow() {
        javafx.application.Platform.runLater(() -> {
            Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (w != null && w.isShowing()) {
                double needed = dialog.getDialogPane().prefHeight(dialog.getDialogPane().getWidth());
                if (needed > dialog.getDialogPane().getHeight() + 1) {
                    w.setHeight(w.getHeight() + needed - dialog.getDialogPane().getHeight());
                }
            }
        });
    }

    private String nameProblem(String text) {
        String n = text == null ? "" : text.trim();
        if (n.length() > MAX_NAME) {
            return context.text("groups.dialog.nameTooLong", MAX_NAME);
        }
        boolean taken = model.groups.stream().anyMatch(g -> g.name().equalsIgnoreCase(n)
                && (existing == null || !g.id().equals(existing.id())));
        return taken ? context.text("groups.dialog.nameTaken", n) : "";
    }

    private void validate() {
        String n = name.getText() == null ? "" : name.getText().trim();
        boolean ok = !n.isEmpty() && nameProblem(n).isEmpty();
        if (filterKind.isSelected()) {
            ok &= versionOk(firmware.getEditor().getText());
        } else {
            ok &= parsed.valid() && !parsed.imeis().isEmpty();
        }
        valid.set(ok);
    }

    private static boolean versionOk(String v) {
        return v == null || v.isBlank() || VERSION.matcher(v.trim()).matches();
    }

    private GroupFilter filter() {
        String v = firmware.getEditor().getText() == null ? "" : firmware.getEditor().getText().trim();
        String s = status.getValue();
        return new GroupFilter(orNull(client.getValue()), orNull(type.getValue()), v.isEmpty() ? null : v,
                s == null || s.isEmpty() ? null : DeviceStatus.fromWire(s));
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private void submit() {
        if (!valid.get() || saving.get()) {
            return;
        }
        if (staticKind.isSelected()) {
            // the text may have changed since the last check
            parse();
            if (!valid.get()) {
                return;
            }
        }
        NewGroup group = filterKind.isSelected() ? new NewGroup(name.getText().trim(), filter(), null)
                : new NewGroup(name.getText().trim(), null, parsed.imeis());
        saving.set(true);
        error.set("");
        model.save(existing == null ? null : existing.id(), group, g -> {
            saving.set(false);
            dialog.setResult(save);
            dialog.close();
            onSaved.accept(g);
        }, message -> {
            saving.set(false);
            error.set(message);
        });
    }

    private void choices(ComboBox<String> box, ObservableList<String> known, String anyKey) {
        ObservableList<String> items = FXCollections.observableArrayList(ANY);
        items.addAll(known);
        box.setItems(items);
        box.setConverter(converter(s -> s == null || s.isEmpty() ? context.text(anyKey) : s));
        box.setValue(ANY);
    }

    private static StringConverter<String> converter(java.util.function.Function<String, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return show.apply(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    /** A status in the user's words. */
    static String statusName(UiContext context, String wire) {
        return context.text("groups.status." + wire.toLowerCase(Locale.ROOT));
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
}
