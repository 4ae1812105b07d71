package nl.fotadesk.ui.devices;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.fotadesk.client.ApiException;
import nl.fotadesk.client.ConflictException;
import nl.fotadesk.client.ValidationException;
import nl.fotadesk.protocol.DeviceSecret;
import nl.fotadesk.protocol.api.DeviceView;
import nl.fotadesk.protocol.api.NewDevice;
import nl.fotadesk.protocol.api.Role;
import nl.fotadesk.protocol.api.UserView;
import nl.fotadesk.ui.UiContext;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Registers one device. The IMEI is checked as it is typed (length, digits, check digit) and the
 * register button waits until everything is valid; what the server still refuses (a duplicate)
 * is shown in the dialog, which stays open to correct it. A generated secret is shown once, to copy.
 * A customer registers devices of their client (fixed here), a supplier devices of their device types
 * (chosen from them); both choose among the clients and types the operators made, or type one of them.
 */
final class RegisterDeviceDialog {
    /** Names and versions as the server accepts them. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");
    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

    /** The server's answer: the device, or why it refused (a message for the operator). */
    private record Outcome(DeviceView device, String refusal) {
    }

    private final UiContext context;
    private final Consumer<String> registered;
    private final Stage stage;
    private final StackPane root = new StackPane();
    private final TextField imei = new TextField();
    private final Label imeiMessage = new Label();
    private final ComboBox<String> type = new ComboBox<>();
    private final ComboBox<String> client = new ComboBox<>();
    private final TextField firmware = new TextField();
    private final TextField secret = new TextField();
    private final Label fieldMessage = new Label();
    private final Label serverMessage = new Label();
    private final Button submit = new Button();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty fieldsValid = new SimpleBooleanProperty();
    private final Label help = new Label();
    private final VBox form;

    RegisterDeviceDialog(UiContext context, Window owner, List<String> types, List<String> clients,
                         Consumer<String> registered) {
        this.context = context;
        this.registered = registered;
        root.setId("register-dialog");
        root.getStyleClass().add("device-dialog");
        type.getItems().setAll(types);
        client.getItems().setAll(clients);
        form = form();
        limitToScope(context.user());
        root.getChildren().add(form);
        stage = DialogWindow.create(owner, context.text("devices.register.title"), root);
        stage.setMinWidth(520);
    }

    void show() {
        stage.show();
        imei.requestFocus();
    }

    private VBox form() {
        Label title = new Label(context.text("devices.register.title"));
        title.getStyleClass().add("dialog-title");
        imei.setId("register-imei");
        imei.setPromptText(context.text("devices.register.imeiPrompt"));
        imei.getStyleClass().add("imei-field");
        imeiMessage.setId("register-imei-message");
        imeiMessage.setWrapText(true);
        imeiMessage.setMinHeight(Region.USE_PREF_SIZE);
        imei.textProperty().addListener((o, old, now) -> checkImei());
        checkImei();
        for (ComboBox<String> box : List.of(type, client)) {
            box.setEditable(true);
            box.setMaxWidth(Double.MAX_VALUE);
        }
        type.setId("register-type");
        type.setPromptText(context.text("devices.register.typePrompt"));
        client.setId("register-client");
        client.setPromptText(context.text("devices.register.clientPrompt"));
        firmware.setId("register-firmware");
        firmware.setPromptText(context.text("devices.register.firmwarePrompt"));
        secret.setId("register-secret");
        secret.setPromptText(context.text("devices.register.secretPrompt"));
        fieldMessage.setId("register-field-message");
        fieldMessage.getStyleClass().add("error-text");
        fieldMessage.setWrapText(true);
        fieldMessage.setMinHeight(Region.USE_PREF_SIZE);
        serverMessage.setId("register-message");
        serverMessage.getStyleClass().add("error-text");
        serverMessage.setWrapText(true);
        serverMessage.setMinHeight(Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(300);
        grid.getColumnConstraints().setAll(names, fields);
        grid.addRow(0, label("devices.register.imei", imei), imei);
        grid.add(imeiMessage, 1, 1);
        grid.addRow(2, label("devices.register.type", type), type);
        grid.addRow(3, label("devices.register.client", client), client);
        grid.addRow(4, label("devices.register.firmware", firmware), firmware);
        grid.addRow(5, label("devices.register.secret", secret), secret);

        for (javafx.beans.value.ObservableValue<String> text : List.of(type.getEditor().textProperty(),
                client.getEditor().textProperty(), type.valueProperty(), client.valueProperty(),
                firmware.textProperty(), secret.textProperty())) {
            text.addListener((o, old, now) -> fieldsValid.set(checkFields()));
        }
        submit.setId("register-submit");
        submit.setText(context.text("devices.register.submit"));
        submit.setDefaultButton(true);
        submit.disableProperty().bind(busy.or(fieldsValid.not()).or(Bindings.createBooleanBinding(
                () -> !ImeiCheck.of(imei.getText()).isValid(), imei.textProperty())));
        submit.setOnAction(e -> submit());
        Button cancel = new Button(context.text("devices.cancel"));
        cancel.setId("register-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spinner, spacer, cancel, submit);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        help.setText(context.text("devices.register.help"));
        help.getStyleClass().add("help-text");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(12, title, help, grid, fieldMessage, serverMessage, buttons);
        box.setPrefWidth(580);
        box.getStyleClass().add("dialog-content");
        box.disableProperty().bind(busy);
        showText(serverMessage, "");
        fieldsValid.set(checkFields());
        return box;
    }

    /**
     * A customer's client is theirs: shown, not chosen. A supplier chooses one of their device types. Both
     * are told the rule, which the server keeps all the same.
     */
    private void limitToScope(UserView user) {
        if (user == null || user.role() == Role.OPERATOR) {
            return;
        }
        if (user.client() != null) {
            client.getItems().setAll(user.client());
            client.setValue(user.client());
            client.setEditable(false);
            client.setDisable(true);
            type.setPromptText(context.text("devices.register.knownTypePrompt"));
            help.setText(help.getText() + " " + context.text("devices.register.customerScope", user.client()));
        } else if (!user.deviceTypes().isEmpty()) {
            type.getItems().setAll(user.deviceTypes());
            type.setEditable(false);
            type.setValue(user.deviceTypes().get(0));
            type.setPromptText(null);
            client.setPromptText(context.text("devices.register.knownClientPrompt"));
            help.setText(help.getText() + " " + context.text("devices.register.supplierScope",
                    String.join(", ", user.deviceTypes())));
        }
        fieldsValid.set(checkFields());
    }

    /** What a choice box holds: the typed text of an editable one, else the chosen item. */
    private static String chosen(ComboBox<String> box) {
        String v = box.isEditable() ? box.getEditor().getText() : box.getValue();
        return v == null ? "" : v.trim();
    }

    private Label label(String key, Node field) {
        Label l = new Label(context.text(key));
        l.setLabelFor(field);
        return l;
    }

    /** Tells, as the operator types, what the IMEI still needs. */
    private void checkImei() {
        ImeiCheck check = ImeiCheck.of(imei.getText());
        imeiMessage.setText(context.text(check.key(), check.arguments()));
        imeiMessage.getStyleClass().removeAll("help-text", "error-text", "success-text");
        imeiMessage.getStyleClass().add(check.isError() ? "error-text" : check.isValid() ? "success-text" : "help-text");
        imei.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), check.isError());
        showText(serverMessage, "");
    }

    /** True when type, client and the optional fields are acceptable; else says what is wrong. */
    private boolean checkFields() {
        String problem = "";
        String t = chosen(type);
        String c = chosen(client);
        String f = firmware.getText().trim();
        String s = secret.getText().trim();
        if (!t.isEmpty() && !NAME.matcher(t).matches()) {
            problem = context.text("devices.register.badType");
        } else if (!c.isEmpty() && !NAME.matcher(c).matches()) {
            problem = context.text("devices.register.badClient");
        } else if (!f.isEmpty() && !VERSION.matcher(f).matches()) {
            problem = context.text("devices.register.badFirmware");
        } else if (!s.isEmpty() && !DeviceSecret.isValid(s)) {
            problem = context.text("devices.register.badSecret", s.length());
        }
        showText(fieldMessage, problem);
        return problem.isEmpty() && !t.isEmpty() && !c.isEmpty();
    }

    private void submit() {
        ImeiCheck check = ImeiCheck.of(imei.getText());
        if (!check.isValid() || !checkFields()) {
            return;
        }
        NewDevice device = new NewDevice(check.imei(), chosen(type), chosen(client), blankToNull(secret.getText()),
                blankToNull(firmware.getText()));
        busy.set(true);
        showText(serverMessage, "");
        context.run(() -> {
            try {
                return new Outcome(context.client().registerDevice(device), null);
            } catch (ConflictException | ValidationException e) {
                return new Outcome(null, refusal(e));
            }
        }, outcome -> {
            busy.set(false);
            if (outcome.device() == null) {
                showText(serverMessage, outcome.refusal());
                imei.requestFocus();
                return;
            }
            registered.accept(outcome.device().imei());
            done(outcome.device());
        }, failure -> {
            busy.set(false);
            showText(serverMessage, context.text("devices.register.failed", failure));
        });
    }

    private String refusal(ApiException e) {
        return switch (e.error()) {
            case "duplicate_imei" -> context.text("devices.register.duplicate");
            case "invalid_imei" -> context.text("devices.register.serverImei", e.detail());
            default -> context.explain(e);
        };
    }

    /** The device is registered: say so, and show a generated secret once. */
    private void done(DeviceView device) {
        Label title = new Label(context.text("devices.register.doneTitle"));
        title.getStyleClass().add("dialog-title");
        Label text = new Label(context.text("devices.register.done", device.imei(), device.deviceType(),
                device.client()));
        text.setId("register-done");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(12, title, text);
        box.setPrefWidth(580);
        if (device.secret() != null) {
            Label secretHelp = new Label(context.text("devices.register.secretShown"));
            secretHelp.setWrapText(true);
            secretHelp.setMinHeight(Region.USE_PREF_SIZE);
            secretHelp.getStyleClass().add("warning-text");
            TextField shown = new TextField(device.secret());
            shown.setId("register-secret-result");
            shown.setEditable(false);
            shown.getStyleClass().add("secret-field");
            HBox.setHgrow(shown, Priority.ALWAYS);
            Button copy = new Button(context.text("devices.copy"));
            copy.setId("register-copy-secret");
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(device.secret());
                Clipboard.getSystemClipboard().setContent(content);
                copy.setText(context.text("devices.copied"));
            });
            box.getChildren().addAll(secretHelp, new HBox(8, shown, copy));
        }
        Button another = new Button(context.text("devices.register.another"));
        another.setId("register-another");
        another.setOnAction(e -> {
            imei.clear();
            secret.clear();
            root.getChildren().setAll(form);
            stage.sizeToScene();
            imei.requestFocus();
        });
        Button close = new Button(context.text("devices.close"));
        close.setId("register-close");
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, another, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        box.getChildren().add(buttons);
        box.getStyleClass().add("dialog-content");
        root.getChildren().setAll(box);
        stage.sizeToScene();
        close.requestFocus();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void showText(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }
}
