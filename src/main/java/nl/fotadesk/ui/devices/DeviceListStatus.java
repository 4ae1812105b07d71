package nl.fotadesk.ui.devices;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.fotadesk.ui.UiContext;

/**
 * What the devices table says about its list: how many devices it shows (of how many), that it is
 * loading, why it cannot sort a long list, why a load failed (with a retry), and, with no lines,
 * whether it is loading, none match the filter or there are none yet.
 */
final class DeviceListStatus {
    private final UiContext context;
    private final DevicesViewModel vm;

    DeviceListStatus(UiContext context, DevicesViewModel vm) {
        this.context = context;
        this.vm = vm;
    }

    /** Under the table: the count, loading, and the sort hint. */
    Node footer() {
        Label count = new Label();
        count.setId("devices-count");
        count.getStyleClass().add("devices-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(Bindings.createStringBinding(this::countText, vm.list().totalProperty(),
                vm.allTotalProperty(), vm.filteredProperty()));
        Label sortHint = new Label();
        sortHint.setId("devices-sort-hint");
        sortHint.getStyleClass().add("help-text");
        sortHint.textProperty().bind(Bindings.createStringBinding(() -> vm.list().itemsProperty().get()
                instanceof LazyDeviceList ? context.text("devices.sortHint",
                context.i18n().number(DeviceListModel.COMPLETE_LIMIT)) : "", vm.list().itemsProperty()));
        // beside an open detail the footer is narrow: the hint takes a second line rather than being cut off
        sortHint.setWrapText(true);
        sortHint.setMinWidth(0);
        sortHint.setMinHeight(Region.USE_PREF_SIZE);
        sortHint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(sortHint, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("devices-loading");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox footer = new HBox(10, count, busy, sortHint);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("devices-footer");
        return footer;
    }

    /** Above the footer while the last load failed: why, and a retry. */
    Node problem() {
        Label error = new Label();
        error.setId("devices-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.list().errorProperty());
        Button retry = new Button(context.text("devices.retry"));
        retry.setId("devices-retry");
        retry.setOnAction(e -> vm.reload());
        HBox problem = new HBox(8, error, retry);
        problem.setAlignment(Pos.CENTER_LEFT);
        problem.visibleProperty().bind(vm.list().errorProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    /** In the table while it has no lines. */
    Node placeholder() {
        Label text = new Label();
        text.getStyleClass().add("help-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.emptyTextProperty());
        Hyperlink clear = new Hyperlink(context.text("devices.clearFilters"));
        clear.setOnAction(e -> vm.clearFilters());
        clear.visibleProperty().bind(vm.filteredProperty().and(vm.list().totalProperty().isEqualTo(0))
                .and(vm.loadingProperty().not()));
        VBox box = new VBox(4, text, clear);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(360);
        return box;
    }

    private String countText() {
        long shown = vm.list().totalProperty().get();
        long all = vm.allTotalProperty().get();
        if (shown < 0) {
            return context.text("devices.loading");
        }
        return vm.filteredProperty().get() && all >= 0 ? context.text("devices.countFiltered", shown, all)
                : context.text("devices.count", shown);
    }
}
