package nl.fotadesk.ui.devices;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;
import nl.fotadesk.protocol.api.DeviceStatus;
import nl.fotadesk.ui.UiContext;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * The devices screen's IMEI search and filters. The search applies as the operator stops typing, at
 * Enter, or cleared by Esc. Each filter is as wide as its widest choice, so that what it shows is never
 * cut short; where the window is too narrow for the search and the filters in one row (as at its
 * least width), the filters wrap below the search, together.
 */
final class DeviceFilterBar {
    private static final Duration TYPING_PAUSE = Duration.millis(450);

    private final UiContext context;
    private final DevicesViewModel vm;
    private final CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
    private final FlowPane bar;

    /** @param find the shortcut that focuses the search, named in its prompt */
    DeviceFilterBar(UiContext context, DevicesViewModel vm, KeyCombination find) {
        this.context = context;
        this.vm = vm;
        DeviceFilters filters = vm.filters();
        HBox searching = new HBox(8, searchField(find), searchHint());
        searching.setAlignment(Pos.CENTER_LEFT);
        Hyperlink clear = new Hyperlink(context.text("devices.clearFilters"));
        clear.setId("devices-clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        clear.visibleProperty().bind(vm.filteredProperty());
        HBox filtering = new HBox(8,
                filter(new SearchableComboBox<>(), "devices-filter-client", filters.clients(), filters.clientProperty(),
                        "devices.filter.client"),
                filter(new SearchableComboBox<>(), "devices-filter-type", filters.types(), filters.typeProperty(),
                        "devices.filter.type"),
                filter(new ComboBox<FilterChoice<DeviceStatus>>(), "devices-filter-status", filters.statuses(),
                        filters.statusProperty(), "devices.filter.status"),
                filter(new SearchableComboBox<>(), "devices-filter-firmware", filters.versions(),
                        filters.versionProperty(), "devices.filter.firmware"),
                clear);
        filtering.setAlignment(Pos.CENTER_LEFT);
        filtering.setMinWidth(Region.USE_PREF_SIZE);
        bar = new FlowPane(8, 8, searching, filtering);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        bar.getStyleClass().add("devices-toolbar");
    }

    Node node() {
        return bar;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Node searchField(KeyCombination find) {
        search.setId("devices-search");
        search.setPromptText(context.text("devices.searchPrompt", find.getDisplayText()));
        search.setPrefColumnCount(16);
        search.setMinWidth(170);
        SVGPath glass = new SVGPath();
        glass.setContent("M6.5 1a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64-1.06 1.06-3.64-3.65A5.5 5.5 0 1 1 6.5 1zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z");
        glass.getStyleClass().add("search-icon");
        search.setLeft(glass);
        search.setTooltip(new Tooltip(context.text("devices.searchTooltip")));
        search.textProperty().bindBidirectional(vm.filters().search().typedProperty());
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> vm.applySearch());
        search.textProperty().addListener((o, old, now) -> typing.playFromStart());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                vm.applySearch();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                typing.stop();
                vm.applySearch();
                e.consume();
            }
        });
        return search;
    }

    /** Says so while the search holds something an IMEI cannot. */
    private Node searchHint() {
        Label hint = new Label(context.text("devices.searchDigitsOnly"));
        hint.setId("devices-search-hint");
        hint.getStyleClass().add("error-text");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.visibleProperty().bind(search.textProperty().map(ImeiSearch::hasNonDigits));
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    /** A filter box as wide as its widest choice (its own measure of them), never narrower. */
    private <T> ComboBox<FilterChoice<T>> filter(ComboBox<FilterChoice<T>> box, String id,
                                                 ObservableList<FilterChoice<T>> items,
                                                 ObjectProperty<FilterChoice<T>> value, String tooltipKey) {
        box.setId(id);
        box.setItems(items);
        box.setValue(value.get());
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(new Tooltip(context.text(tooltipKey)));
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("devices-filter");
        return box;
    }
}
