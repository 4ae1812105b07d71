package nl.fotadesk.ui;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;

/**
 * The splash screen the Java launcher shows before any code of the app runs ({@code SplashScreen-Image}
 * in the jar's manifest, {@code -splash:} in the installed launcher): {@code /ui/splash.png}, on screen a
 * moment after the launch while the JVM and JavaFX start. The app's first window takes its place once it
 * has drawn itself, so that nothing flickers in between; commands, which have no window, close it at once.
 * AWT is touched only to close it, and not at all without a display (headless runs, tests).
 */
public final class LauncherSplash {
    /** The image, also the top of the start-up window that follows it. */
    static final String IMAGE = "/ui/splash.png";
    /** Pulses from showing a window until its first frame is surely on screen (each waits for the last render). */
    private static final int PULSES_TO_FIRST_FRAME = 3;

    private LauncherSplash() {
    }

    /** Closes the splash screen, if the launcher shows one. */
    public static void close() {
        if (GraphicsEnvironment.isHeadless()) {
            return; // no splash screen without a display, and asking for it would throw
        }
        SplashScreen splash = SplashScreen.getSplashScreen();
        if (splash != null) {
            splash.close();
        }
    }

    /**
     * Closes the splash screen once the app's first window, whichever it is (the start-up window, the
     * first-start question, sign-in or an error), has drawn its first frame. On the FX thread, before any
     * window shows.
     */
    static void closeAfterFirstWindow() {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                Window.getWindows().removeListener(this);
                afterPulses(PULSES_TO_FIRST_FRAME, LauncherSplash::close);
            }
        });
    }

    private static void afterPulses(int pulses, Runnable action) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen == pulses) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
