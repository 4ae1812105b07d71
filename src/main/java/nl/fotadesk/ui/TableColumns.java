package nl.fotadesk.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.Collection;

/** Table columns that show their whole title, whatever the language. */
public final class TableColumns {
    /** A cell's padding and border on both sides, and room for the sort arrow's gap. */
    private static final double CELL_PADDING = 16;

    private TableColumns() {
    }

    /** Makes {@code column} never narrower than its title (in the header's bold type), nor than 60. */
    public static void fitTitle(TableColumn<?, ?> column) {
        column.setMinWidth(Math.max(60, width(column.getText()) + 12));
    }

    /**
     * As {@link #fitTitle}, and never narrower than the widest of {@code values} (in bold, as badges
     * show them) with {@code padding} around it.
     */
    public static void fitTitleAnd(TableColumn<?, ?> column, Collection<String> values, double padding) {
        fitTitle(column);
        double widest = values.stream().mapToDouble(TableColumns::width).max().orElse(0) + padding;
        column.setMinWidth(Math.max(column.getMinWidth(), widest));
        column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
    }

    /**
     * As {@link #fitTitle}, and never narrower than {@code sample} in the monospace type the column's cells
     * use (e.g. a whole IMEI), so that a narrow window scrolls the table sideways instead of cutting it.
     */
    public static void fitTitleAndMonospace(TableColumn<?, ?> column, String sample) {
        fitTitle(column);
        column.setMinWidth(Math.max(column.getMinWidth(), width(sample, Font.font("monospace", 13)) + CELL_PADDING));
        column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
    }

    private static double width(String text) {
        return width(text, Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }
}
