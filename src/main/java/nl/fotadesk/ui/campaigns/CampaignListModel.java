package nl.fotadesk.ui.campaigns;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.GroupView;
import nl.fotadesk.ui.UiContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** All campaigns, loaded off the FX thread; a load asked for while one runs follows it. */
final class CampaignListModel {
    private final UiContext context;
    private final ObservableList<CampaignView> campaigns = FXCollections.observableArrayList();
    private final Map<String, String> groupNames = new HashMap<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private boolean loading;
    private boolean again;

    CampaignListModel(UiContext context) {
        this.context = context;
    }

    ObservableList<CampaignView> campaigns() {
        return campaigns;
    }

    Map<String, String> groupNames() {
        return groupNames;
    }

    ReadOnlyStringProperty errorProperty() {
        return error;
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    private record Loaded(List<CampaignView> campaigns, List<GroupView> groups) {
    }

    void load() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        boolean withGroups = !loaded.get();
        ServerCall.run(context, () -> new Loaded(context.client().campaigns(),
                withGroups ? context.client().groups() : null), result -> {
            if (result.groups() != null) {
                result.groups().forEach(g -> groupNames.put(g.id(), g.name()));
            }
            campaigns.setAll(result.campaigns());
            error.set("");
            loaded.set(true);
            finished();
        }, message -> {
            error.set(message);
            finished();
        });
    }

    boolean anyActive() {
        return campaigns.stream().anyMatch(c -> c.state().holdsDevices());
    }

    private void finished() {
        loading = false;
        if (again) {
            again = false;
            load();
        }
    }
}
