package nl.fotadesk.ui.accounts;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.ui.Clipboards;
import nl.fotadesk.ui.UiContext;

import java.time.Clock;

/** The signed-in user's personal API tokens: a new one is shown once, with a copy button. */
public final class TokensDialog {
    private final UiContext context;
    private final TokensModel model;

    public TokensDialog(UiContext context) {
        this.context = context;
        this.model = new TokensModel(context, Clock.systemUTC());
    }

    public void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(context.text("tokens.title"));
        dialog.setHeaderText(context.text("tokens.header"));
        dialog.getDialogPane().setId("tokens-dialog");

        TableView<ApiTokenView> table = TokenTable.of(context, model.tokens, "tokens-table", "tokens.none", model::revoke);
        table.setPrefHeight(200);
        Button revoke = new Button(context.text("tokens.revoke"));
        revoke.setId("tokens-revoke");
        revoke.getStyleClass().add("danger-button");
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busy));
        revoke.setOnAction(e -> model.revoke(table.getSelectionModel().getSelectedItem()));

        TextField name = new TextField();
        name.setId("tokens-name");
        name.setPromptText(context.text("tokens.namePrompt"));
        name.textProperty().bindBidirectional(model.name);
        HBox.setHgrow(name, Priority.ALWAYS);
        ComboBox<Integer> validity = new ComboBox<>();
        validity.setId("tokens-validity");
        validity.getItems().setAll(TokensModel.VALIDITY_DAYS);
        validity.valueProperty().bindBidirectional(model.validDays);
        validity.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer days) {
                return days == null ? "" : days == 0 ? context.text("tokens.never") : context.text("tokens.days", days);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        Button create = new Button(context.text("tokens.create"));
        create.setId("tokens-create");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.disableProperty().bind(model.busy);
        create.setOnAction(e -> model.create());
        name.setOnAction(e -> model.create());
        Label nameLabel = new Label(context.text("tokens.name"));
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox form = new HBox(8, nameLabel, name, validity, create);
        form.setAlignment(Pos.CENTER_LEFT);

        TextField value = new TextField();
        value.setId("tokens-issued");
        value.setEditable(false);
        value.textProperty().bind(model.issued);
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button(context.text("tokens.copy"));
        copy.setId("tokens-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        Clipboards clipboards = new Clipboards(context);
        copy.setOnAction(e -> clipboards.copy(copy, model.issued.get()));
        Label once = new Label(context.text("tokens.once"));
        once.getStyleClass().add("help-text");
        once.setWrapText(true);
        once.setMinHeight(Region.USE_PREF_SIZE);
        VBox issued = new VBox(6, new HBox(8, value, copy), once);
        issued.setId("tokens-issued-box");
        issued.visibleProperty().bind(model.issued.isNotEmpty());
        issued.managedProperty().bind(issued.visibleProperty());

        Label message = new Label();
        message.setId("tokens-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message.concat(model.loader.error));

        HBox tableActions = new HBox(8, revoke);
        tableActions.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(10, table, tableActions, form, issued, message);
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(context.text("tokens.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnShown(e -> model.load());
        dialog.show();
    }
}
