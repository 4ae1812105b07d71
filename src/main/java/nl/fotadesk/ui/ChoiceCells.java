package nl.fotadesk.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import java.util.function.Function;

/** Shows a combo box's choices, and the chosen one, in words the screen gives (a role, a language, a bearer). */
public final class ChoiceCells {
    private ChoiceCells() {
    }

    public static <T> void wordAs(ComboBox<T> box, Function<T, String> words) {
        box.setCellFactory(list -> new Worded<>(words));
        box.setButtonCell(new Worded<>(words));
    }

    private static final class Worded<T> extends ListCell<T> {
        private final Function<T, String> words;

        Worded(Function<T, String> words) {
            this.words = words;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : words.apply(item));
        }
    }
}
