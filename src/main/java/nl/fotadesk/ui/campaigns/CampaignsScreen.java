package nl.fotadesk.ui.campaigns;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import nl.fotadesk.protocol.api.EventView;
import nl.fotadesk.ui.Permission;
import nl.fotadesk.ui.Screen;
import nl.fotadesk.ui.UiContext;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The campaigns screen: the list of all campaigns, the wizard for a new one, and one campaign's detail
 * that follows the server's events live. It shows one of them at a time.
 */
public final class CampaignsScreen implements Screen {
    private final UiContext context;
    private final CampaignTexts texts;
    private final StackPane root = new StackPane();
    private CampaignPage page;
    /** The campaign shown, or null while the list or the wizard is. */
    private String openId;
    /** The wizard shown, or null. */
    private CampaignWizard wizard;
    /** Opens a device by its IMEI on the devices screen (the window sets it). */
    private Consumer<String> openDevice = imei -> { };

    public CampaignsScreen(UiContext context) {
        this.context = context;
        this.texts = new CampaignTexts(context.i18n());
        root.setId("campaigns-screen");
        root.getStyleClass().add("campaigns-screen");
        // Stop following the server when the screen is left or rebuilt (language switch).
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null && page != null) {
                page.stop();
            }
        });
        showList();
    }

    @Override
    public String id() {
        return "campaigns";
    }

    @Override
    public String titleKey() {
        return "nav.campaigns";
    }

    @Override
    public Permission permission() {
        return Permission.SEE_ROLLOUTS;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShow() {
        page.load();
    }

    @Override
    public void onEvents(List<EventView> events) {
        page.onEvents(events);
    }

    /** The same page again in the new language: the list, the wizard with its inputs, or the campaign that was open. */
    @Override
    public Screen relabelled() {
        CampaignsScreen again = new CampaignsScreen(context);
        if (openId != null) {
            again.showCampaign(openId);
        } else if (wizard != null) {
            again.showWizard(wizard.kept());
        }
        return again;
    }

    /** True when this screen shows the campaign with this id, or the list of all campaigns. */
    public boolean shows(String campaignId) {
        return openId == null ? wizard == null : openId.equals(campaignId);
    }

    /** Shows the list of all campaigns. */
    public void showList() {
        open(new CampaignListView(context, texts, this::showWizard, this::showCampaign), null, null);
    }

    /** Opens the wizard for a new campaign. */
    public void showWizard() {
        if (!context.may(Permission.MANAGE_CAMPAIGNS)) {
            return;
        }
        CampaignWizard w = new CampaignWizard(context, texts, this::showList, this::showCampaign);
        open(w, null, w);
    }

    private void showWizard(CampaignWizard.Kept kept) {
        CampaignWizard w = new CampaignWizard(context, texts, this::showList, this::showCampaign, kept);
        open(w, null, w);
    }

    /** Shows one campaign, following it live. */
    /** Lets a campaign's device table open a device: {@code open} gets its IMEI. */
    public void setOnOpenDevice(Consumer<String> open) {
        openDevice = open;
    }

    public void showCampaign(String id) {
        open(new CampaignDetailView(context, texts, id, this::showList, this::showCampaign, imei -> openDevice.accept(imei)),
                id, null);
    }

    /** Writes the open campaign's printable report to {@code target} (the Report button, without asking where); nothing when no campaign is open. */
    public void saveReport(Path target) {
        if (page instanceof CampaignDetailView detail) {
            detail.saveReport(target);
        }
    }

    private void open(CampaignPage next, String id, CampaignWizard shownWizard) {
        openId = id;
        wizard = shownWizard;
        if (page != null) {
            page.stop();
        }
        page = next;
        root.getChildren().setAll(next.node());
        if (root.getScene() != null) {
            next.load();
        }
    }
}
