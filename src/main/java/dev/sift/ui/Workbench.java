package dev.sift.ui;

import dev.sift.app.SiftContext;
import dev.sift.core.config.Credentials;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FxDebouncer;
import dev.sift.ui.common.FxJobRunner;
import dev.sift.ui.common.JobStatusBar;
import dev.sift.ui.common.RunningJobs;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.common.WindowBounds;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The workbench in one window: builds the shared state, the job runner, the main view model and the
 * window, restores the window's size, position and theme, and saves them on close. Tests open it on
 * their own stage with a scripted {@link DialogService}. Whoever opens it calls {@link #close()} when
 * the application stops.
 */
public final class Workbench {

    private final Stage stage;
    private final UiSettings settings;
    private final RunningJobs running = new RunningJobs();
    private final FxJobRunner jobs;
    private final WorkspaceState workspace = new WorkspaceState();
    private final MainViewModel vm;
    private final MainWindow window;
    private boolean closed;

    private Workbench(Stage stage, SiftContext context, UiSettings settings, DialogService dialogs) {
        this.stage = stage;
        this.settings = settings;
        this.jobs = new FxJobRunner(context.jobs(), running);
        this.vm = new MainViewModel(workspace, settings, jobs, dialogs, context.configDir());
        var services = new UiServices(jobs, dialogs, () -> new FxDebouncer(FxDebouncer.SEARCH_DELAY), context::embedder,
                SiftContext.version(), context::llm, new Credentials(context.configDir().resolve("credentials")),
                context::models, context::hub);
        this.window = new MainWindow(vm, workspace, services, new JobStatusBar(running, vm.statusProperty()), stage::close);
    }

    /** Shows the workbench on {@code stage} and opens the project named in {@code args}, the last one, or the sample. */
    public static Workbench open(Stage stage, SiftContext context, UiSettings settings,
            Function<Window, DialogService> dialogs, List<String> args) {
        var workbench = new Workbench(stage, context, settings, dialogs.apply(stage));
        workbench.show();
        workbench.vm.start(args);
        return workbench;
    }

    private void show() {
        Themes.apply(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((obs, old, dark) -> Themes.apply(dark));
        WindowBounds bounds = settings.window();
        var scene = new Scene(window.root(), bounds.width(), bounds.height());
        scene.getStylesheets().add(Workbench.class.getResource(SiftStyles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleBinding());
        var icons = new java.util.ArrayList<javafx.scene.image.Image>();
        for (int size : new int[] {32, 64, 256}) {
            var icon = Workbench.class.getResource("icons/sift-" + size + ".png");
            if (icon != null) {
                icons.add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.getIcons().setAll(icons); // replace: a stage can host a workbench more than once
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (bounds.hasPosition() && onSomeScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
        stage.show();
    }

    private static boolean onSomeScreen(WindowBounds bounds) {
        return !Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height()))
                .isEmpty();
    }

    public UiJobRunner jobs() {
        return jobs;
    }

    public RunningJobs runningJobs() {
        return running;
    }

    public WorkspaceState workspace() {
        return workspace;
    }

    public MainViewModel viewModel() {
        return vm;
    }

    /** Saves the window state and settings, disposes the screens and closes the project. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stage.isMaximized()) {
            settings.setWindow(new WindowBounds(settings.window().x(), settings.window().y(), settings.window().width(),
                    settings.window().height(), true));
        } else if (stage.getWidth() > 0 && stage.getHeight() > 0) {
            settings.setWindow(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        }
        settings.save();
        stage.titleProperty().unbind();
        window.dispose();
        vm.dispose();
        workspace.close();
    }
}
