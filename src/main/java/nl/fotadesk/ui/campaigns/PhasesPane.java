package nl.fotadesk.ui.campaigns;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import nl.fotadesk.protocol.api.CampaignState;
import nl.fotadesk.protocol.api.CampaignView;
import nl.fotadesk.protocol.api.PhaseState;
import nl.fotadesk.ui.StatusTerms;
import nl.fotadesk.protocol.api.PhaseView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One row per phase: its state, a bar of its devices, how many updated and failed, and when it ran
 * (in the tooltip). A click on a phase lists its devices.
 */
final class PhasesPane {
    private final CampaignTexts texts;
    private final GridPane grid = new GridPane();
    private final ScrollPane root = new ScrollPane(grid);
    private final IntConsumer showPhase;
    private final List<Row> rows = new ArrayList<>();

    /** The nodes of one phase's row, kept between refreshes. */
    private final class Row {
        final Hyperlink name = new Hyperlink();
        final Label state = new Label();
        final StackedBar bar = new StackedBar();
        final Label numbers = new Label();
        final Tooltip when = new Tooltip();

        Row(int index) {
            name.setText(texts.text("campaigns.phase.name", index + 1));
            name.getStyleClass().add("phase-name");
            name.setId("campaign-phase-" + (index + 1));
            name.setOnAction(e -> showPhase.accept(index));
            name.setMinWidth(Hyperlink.USE_PREF_SIZE);
            state.setMinWidth(Label.USE_PREF_SIZE);
            state.setId("phase-state-" + (index + 1));
            bar.setMaxWidth(Double.MAX_VALUE);
            // In a narrow card the numbers take two lines rather than being cut.
            numbers.setMinWidth(0);
            numbers.setWrapText(true);
            numbers.setMinHeight(Label.USE_PREF_SIZE);
            numbers.getStyleClass().add("phase-numbers");
            grid.addRow(index, name, state, bar, numbers);
        }

        void show(CampaignView c, PhaseView p) {
            Counts counts = Counts.of(p.counts(), p.devices());
            name.getStyleClass().remove("phase-current");
            if (p.index() == c.currentPhase() && c.state().holdsDevices()) {
                name.getStyleClass().add("phase-current");
            }
            boolean stopped = stopped(c, p);
            state.setText(stateText(texts, c, p));
            state.getStyleClass().setAll("label", "phase-state", "phase-" + (stopped ? c.state().wireName() : p.state().wireName()));
            bar.show(counts, texts);
            numbers.setText(texts.text("campaigns.phase.numbers", counts.succeeded(), p.devices(), counts.failed()));
            String text = p.finishedAt() != null ? texts.text("campaigns.phase.finished", texts.dateTime(p.finishedAt()))
                    : p.startedAt() != null ? texts.text("campaigns.phase.started", texts.dateTime(p.startedAt())) : "";
            when.setText(text);
            numbers.setTooltip(text.isEmpty() ? null : when);
            state.setTooltip(text.isEmpty() ? null : when);
        }
    }

    /**
     * True when the phase does not run although its own state says so, or would later: the campaign is
     * paused (its running phase waits) or cancelled (no phase that is not done will run). It then shows
     * the campaign's state.
     */
    /** The phase's state in words; a phase the campaign stopped shows the campaign's state (paused, cancelled). */
    static String stateText(CampaignTexts texts, CampaignView c, PhaseView p) {
        return stopped(c, p) ? texts.state(c.state()) : texts.text(StatusTerms.labelKey(p.state()));
    }

    private static boolean stopped(CampaignView c, PhaseView p) {
        return switch (c.state()) {
            case PAUSED -> p.state() == PhaseState.RUNNING;
            case CANCELLED -> p.state() != PhaseState.DONE;
            default -> false;
        };
    }

    PhasesPane(CampaignTexts texts, IntConsumer showPhase) {
        this.texts = texts;
        this.showPhase = showPhase;
        grid.setId("campaign-phases");
        grid.getStyleClass().add("phases-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints bar = new ColumnConstraints(40, 60, Double.MAX_VALUE); // grows into the room the numbers leave
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints numbers = new ColumnConstraints();
        numbers.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), bar, numbers);
        root.setFitToWidth(true);
        root.getStyleClass().add("phases-scroll");
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    }

    Node node() {
        return root;
    }

    void show(CampaignView c) {
        List<PhaseView> phases = c.phases() == null ? List.of() : c.phases();
        if (rows.size() != phases.size()) {
            grid.getChildren().clear();
            rows.clear();
            for (int i = 0; i < phases.size(); i++) {
                rows.add(new Row(i));
            }
        }
        for (int i = 0; i < phases.size(); i++) {
            rows.get(i).show(c, phases.get(i));
        }
    }
}
