package nl.fotadesk.ui;

import javafx.scene.Node;

/**
 * A screen known by its id: its name in the navigation is {@code nav.<id>}, its node is styled as a
 * screen with the element id {@code <id>-screen}, and the permission it asks is fixed.
 */
public abstract class NamedScreen implements Screen {
    private final String id;
    private final Permission permission;
    private Node node;

    /** @param permission what a user must be allowed to see this screen; null: everyone */
    protected NamedScreen(String id, Permission permission) {
        this.id = id;
        this.permission = permission;
    }

    /** Makes {@code root} this screen's node, styled and named as a screen. */
    protected final <T extends Node> T root(T root) {
        root.getStyleClass().addAll("screen", id + "-screen");
        root.setId(id + "-screen");
        node = root;
        return root;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String titleKey() {
        return "nav." + id;
    }

    @Override
    public final Permission permission() {
        return permission;
    }

    @Override
    public final Node node() {
        return node;
    }
}
