package nl.fotadesk.ui.accounts;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import nl.fotadesk.protocol.api.ApiTokenView;
import nl.fotadesk.ui.RowMenu;
import nl.fotadesk.ui.TableColumns;
import nl.fotadesk.ui.UiContext;

import java.util.function.Consumer;
import java.util.function.Function;

/** A table of personal API tokens (never their values): one's own, or another user's on the Users screen. */
final class TokenTable {
    /** Room for a date and time such as "3 dec. 2026 17:16:51". */
    private static final double DATE = 150;
    private TokenTable() {
    }

    /** The table, whose row menu copies a token's name or revokes it with {@code revoke} (as the screen's button does). */
    static TableView<ApiTokenView> of(UiContext context, ObservableList<ApiTokenView> tokens, String id, String emptyKey,
                                      Consumer<ApiTokenView> revoke) {
        TableView<ApiTokenView> table = new TableView<>(tokens);
        table.setId(id);
        // columns keep their widths: a narrow table scrolls sideways rather than cut names and dates
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(context, "tokens.column.name", ApiTokenView::name, 170));
        table.getColumns().add(column(context, "tokens.column.created", t -> context.i18n().dateTime(t.createdAt()), DATE));
        table.getColumns().add(column(context, "tokens.column.expires", t -> t.expiresAt() == null
                ? context.text("tokens.never") : context.i18n().dateTime(t.expiresAt()), DATE));
        table.getColumns().add(column(context, "tokens.column.lastUsed", t -> t.lastUsedAt() == null
                ? context.text("tokens.notUsed") : context.i18n().dateTime(t.lastUsedAt()), DATE));
        Label placeholder = new Label(context.text(emptyKey));
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        RowMenu<ApiTokenView> rows = RowMenu.of(table, id + "-menu");
        rows.addCopy(id + "-menu-copy", context.text("tokens.menu.copyName"), ApiTokenView::name);
        rows.addSeparator();
        rows.addForOne(id + "-menu-revoke", context.text("tokens.revoke"), t -> true, revoke);
        return table;
    }

    private static TableColumn<ApiTokenView, String> column(UiContext context, String key,
                                                           Function<ApiTokenView, String> value, double width) {
        TableColumn<ApiTokenView, String> column = new TableColumn<>(context.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        TableColumns.fitTitle(column);
        column.setPrefWidth(Math.max(width, column.getMinWidth()));
        return column;
    }
}
