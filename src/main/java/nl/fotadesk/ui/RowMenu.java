package nl.fotadesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * The menu of a table's (or list's) rows: shown by a right click on a row (the click selects it) and by the
 * context-menu key or Shift+F10 at the selected row; it acts on the selected rows. An item that does not
 * apply to them is greyed out, decided as the menu opens. Empty rows offer nothing.
 */
public final class RowMenu<T> {
    private final ContextMenu menu = new ContextMenu();
    private final Control control;
    private final MultipleSelectionModel<T> selection;
    private final String cellStyle;
    private final IntConsumer scrollTo;
    private final List<Runnable> onShowing = new ArrayList<>();

    private RowMenu(Control control, MultipleSelectionModel<T> selection, String cellStyle, IntConsumer scrollTo,
                    String id) {
        this.control = control;
        this.selection = selection;
        this.cellStyle = cellStyle;
        this.scrollTo = scrollTo;
        menu.setId(id);
        // set, not added: a test may call the handler itself, without an event
        menu.setOnShowing(e -> onShowing.forEach(Runnable::run));
        control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                showAtSelection();
                e.consume();
            }
        });
        control.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger()) {
                showAtSelection();
                e.consume();
            }
        });
    }

    /** The menu of {@code table}'s rows, kept by the rows its current row factory makes (so set that first). */
    public static <T> RowMenu<T> of(TableView<T> table, String id) {
        RowMenu<T> rows = new RowMenu<>(table, table.getSelectionModel(), ".table-row-cell", table::scrollTo, id);
        Callback<TableView<T>, TableRow<T>> made = table.getRowFactory();
        table.setRowFactory(t -> rows.offeredBy(made == null ? new TableRow<>() : made.call(t)));
        return rows;
    }

    /** The menu of {@code list}'s lines, kept by the cells its current cell factory makes (so set that first). */
    public static <T> RowMenu<T> of(ListView<T> list, String id) {
        RowMenu<T> rows = new RowMenu<>(list, list.getSelectionModel(), ".list-cell", list::scrollTo, id);
        Callback<ListView<T>, ListCell<T>> made = list.getCellFactory();
        list.setCellFactory(l -> rows.offeredBy(made == null ? new ListCell<>() : made.call(l)));
        return rows;
    }

    private <C extends IndexedCell<T>> C offeredBy(C cell) {
        cell.emptyProperty().addListener((o, was, empty) -> cell.setContextMenu(empty ? null : menu));
        cell.setContextMenu(cell.isEmpty() ? null : menu);
        return cell;
    }

    /** An item acting on the selected rows, greyed out unless {@code applies} to them (and there are some). */
    public MenuItem add(String id, String text, Predicate<List<T>> applies, Consumer<List<T>> action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> {
            List<T> selected = selected();
            if (!selected.isEmpty() && applies.test(selected)) {
                action.accept(selected);
            }
        });
        onShowing.add(() -> {
            List<T> selected = selected();
            item.setDisable(selected.isEmpty() || !applies.test(selected));
        });
        menu.getItems().add(item);
        return item;
    }

    /** An item acting on one row: greyed out when several are selected or {@code applies} says no. */
    public MenuItem addForOne(String id, String text, Predicate<T> applies, Consumer<T> action) {
        return add(id, text, rows -> rows.size() == 1 && applies.test(rows.get(0)), rows -> action.accept(rows.get(0)));
    }

    /** "Copy": the key text of each selected row ({@code key}, rows without one left out), one a line, on the clipboard. */
    public MenuItem addCopy(String id, String text, Function<T, String> key) {
        return add(id, text, rows -> rows.stream().map(key).anyMatch(Objects::nonNull),
                rows -> Clipboards.put(String.join("\n", rows.stream().map(key).filter(Objects::nonNull).toList())));
    }

    public SeparatorMenuItem addSeparator() {
        SeparatorMenuItem separator = new SeparatorMenuItem();
        menu.getItems().add(separator);
        return separator;
    }

    /** Runs as the menu opens, after the items are greyed out or not: for texts that count the selection. */
    public void onShowing(Consumer<List<T>> relabel) {
        onShowing.add(() -> relabel.accept(selected()));
    }

    public ContextMenu menu() {
        return menu;
    }

    /** The selected rows, in the order of the table. */
    public List<T> selected() {
        return selection.getSelectedItems().stream().filter(Objects::nonNull).toList();
    }

    /** As the keyboard asks: below the selected row, if there is one. */
    private void showAtSelection() {
        int index = selection.getSelectedIndex();
        if (index < 0 || selected().isEmpty()) {
            return;
        }
        scrollTo.accept(index);
        control.applyCss();
        control.layout();
        Bounds at = control.lookupAll(cellStyle).stream()
                .filter(n -> n instanceof IndexedCell<?> c && c.getIndex() == index && !c.isEmpty())
                .findFirst().map(n -> n.localToScreen(n.getBoundsInLocal()))
                .orElse(control.localToScreen(control.getBoundsInLocal()));
        if (at != null) {
            menu.show(control, at.getMinX() + Math.min(at.getWidth() / 4, 120), at.getMaxY());
        }
    }
}
