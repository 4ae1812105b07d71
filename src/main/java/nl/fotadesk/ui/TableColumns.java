package nl.fotadesk.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Table columns that show their whole title, whatever the language. */
public final class TableColumns {
    private TableColumns() {
    }

    /** Makes {@code column} never narrower than its title (in the header's bold type), nor than 60. */
    public static void fitTitle(TableColumn<?, ?> column) {
        Text measure = new Text(column.getText());
        measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13));
        column.setMinWidth(Math.max(60, Math.ceil(measure.getLayoutBounds().getWidth()) + 12));
    }
}
