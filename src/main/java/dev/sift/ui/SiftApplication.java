package dev.sift.ui;

import dev.sift.app.SiftContext;
import dev.sift.ui.common.FxDialogService;
import dev.sift.ui.common.UiSettings;
import javafx.application.Application;
import javafx.stage.Stage;

/** The workbench entry point. */
public final class SiftApplication {

    private SiftApplication() {}

    /** Launches the workbench and returns when its window is closed. */
    public static void start(String[] args) {
        Application.launch(FxApp.class, args);
    }

    /** The JavaFX application; kept internal so that {@code dev.sift.Main} never extends Application. */
    public static final class FxApp extends Application {

        private SiftContext context;
        private Workbench workbench;

        @Override
        public void start(Stage stage) {
            context = SiftContext.fromEnvironment();
            UiSettings settings = UiSettings.load(context.configDir());
            workbench = Workbench.open(stage, context, settings, owner -> new FxDialogService(owner, settings),
                    getParameters().getRaw());
        }

        @Override
        public void stop() {
            if (workbench != null) {
                workbench.close();
            }
            if (context != null) {
                context.close();
            }
        }
    }
}
