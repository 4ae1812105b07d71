package nl.fotadesk.ui.campaigns;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders for the wizard's forms, so every step looks the same. */
final class Forms {
    /** The width of choice boxes in forms. */
    static final double CHOICE_WIDTH = 280;
    private Forms() {
    }

    static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help-text");
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    static Label fieldLabel(String text, Node control) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(control);
        l.setMinWidth(150);
        return l;
    }

    static TextField number(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.getStyleClass().add("number-field");
        return f;
    }

    /** A two-column form: labels on the left, controls (with their help and errors) on the right. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Adds a row: label, and under the control its help text and error label. */
    static void row(GridPane grid, Label label, Node control, Label help, Label error) {
        int row = grid.getRowCount();
        VBox box = new VBox(4, control);
        if (error != null) {
            box.getChildren().add(error);
        }
        if (help != null) {
            box.getChildren().add(help);
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new javafx.geometry.Insets(5, 0, 0, 0));
        grid.add(label, 0, row);
        grid.add(box, 1, row);
    }

    static HBox inline(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static VBox card(Node... nodes) {
        VBox box = new VBox(10, nodes);
        box.getStyleClass().add("card");
        return box;
    }
}
