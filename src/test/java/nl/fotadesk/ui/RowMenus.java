package nl.fotadesk.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static nl.fotadesk.ui.FxReads.await;
import static nl.fotadesk.ui.FxReads.fx;

/** What the GUI tests do with a table's row menu ({@link RowMenu}): open it as a user does, read it, choose from it. */
public final class RowMenus {
    private RowMenus() {
    }

    /**
     * Right-clicks the row of {@code control} (a table or list) whose item {@code matches}, which selects it,
     * and opens its menu as the click's context menu request does (the headless toolkit makes no such request
     * of a right click, so it is sent here); the menu once it shows.
     */
    public static <T> ContextMenu rightClick(FxRobot robot, Control control, Predicate<T> matches) throws Exception {
        robot.interact(() -> scrollTo(control, matches));
        IndexedCell<?> cell = fx(() -> cellOf(control, matches)).orElseThrow();
        robot.clickOn(cell, MouseButton.SECONDARY);
        robot.interact(() -> {
            Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getWidth() / 2,
                    b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null));
        });
        return showing(robot);
    }

    /** Opens the menu of {@code control}'s selected row with Shift+F10, as a keyboard user does. */
    public static ContextMenu shiftF10(FxRobot robot, Control control) throws Exception {
        robot.interact(control::requestFocus);
        robot.press(KeyCode.SHIFT).press(KeyCode.F10).release(KeyCode.F10).release(KeyCode.SHIFT);
        return showing(robot);
    }

    /** The ids of the items a user sees (separators left out), in menu order. */
    public static List<String> shownItems(ContextMenu menu) {
        return fx(() -> menu.getItems().stream().filter(i -> i.isVisible() && !(i instanceof SeparatorMenuItem))
                .map(MenuItem::getId).toList());
    }

    public static MenuItem item(ContextMenu menu, String id) {
        return fx(() -> menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    public static boolean enabled(ContextMenu menu, String id) {
        MenuItem item = item(menu, id);
        return fx(() -> item.isVisible() && !item.isDisable());
    }

    /** Chooses the item, as a click on it does: its action runs and the menu closes. */
    public static void choose(FxRobot robot, ContextMenu menu, String id) {
        MenuItem item = item(menu, id);
        robot.interact(() -> {
            item.fire();
            menu.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static String clipboard() {
        return fx(() -> Clipboard.getSystemClipboard().getString());
    }

    private static ContextMenu showing(FxRobot robot) throws Exception {
        await(5, () -> shownMenu().isPresent());
        return fx(() -> shownMenu().orElseThrow());
    }

    /** The context menu showing now; read on the FX thread. */
    private static Optional<ContextMenu> shownMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(ContextMenu.class::cast).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static <T> void scrollTo(Control control, Predicate<T> matches) {
        if (control instanceof TableView<?> table) {
            ((TableView<T>) table).getItems().stream().filter(matches).findFirst()
                    .ifPresent(((TableView<T>) table)::scrollTo);
        } else if (control instanceof ListView<?> list) {
            ((ListView<T>) list).getItems().stream().filter(matches).findFirst()
                    .ifPresent(((ListView<T>) list)::scrollTo);
        }
        control.applyCss();
        control.layout();
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<IndexedCell<?>> cellOf(Control control, Predicate<T> matches) {
        String style = control instanceof ListView<?> ? ".list-cell" : ".table-row-cell";
        return control.lookupAll(style).stream().filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty()
                        && c.getItem() != null && matches.test((T) c.getItem()))
                .<IndexedCell<?>>map(IndexedCell.class::cast).findFirst();
    }
}
