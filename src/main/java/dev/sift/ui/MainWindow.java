package dev.sift.ui;

import dev.sift.ui.common.JobStatusBar;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import java.nio.file.Path;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: menu and toolbar, left navigation, the current screen, and the status
 * bar with running jobs. Screens are built when shown and disposed when left.
 */
final class MainWindow {

    private final MainViewModel vm;
    private final WorkspaceState workspace;
    private final UiServices services;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final JobStatusBar statusBar;
    private final Runnable quit;
    private View current;

    MainWindow(MainViewModel vm, WorkspaceState workspace, UiServices services, JobStatusBar statusBar, Runnable quit) {
        this.vm = vm;
        this.workspace = workspace;
        this.services = services;
        this.statusBar = statusBar;
        this.quit = quit;
        root.getStyleClass().add(SiftStyles.ROOT);
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setLeft(navigation());
        root.setBottom(statusBar.node());
        show(Screen.DATASETS);
    }

    Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        var newProject = item("New project…", "Shortcut+N", vm::newProject);
        var open = item("Open project…", "Shortcut+O", vm::openProject);
        var recent = new Menu("Recent projects");
        recent.setId("recent-menu");
        subscriptions.listen(vm.recentProjects(), change -> fillRecent(recent));
        fillRecent(recent);
        var close = item("Close project", "Shortcut+W", vm::closeProject);
        subscriptions.bind(close.disableProperty(), workspace.projectProperty().isNull());
        var exit = item("Quit", "Shortcut+Q", quit);
        var file = new Menu("File", null, newProject, open, recent, close, new SeparatorMenuItem(), exit);
        var dark = new CheckMenuItem("Dark theme");
        subscriptions.bindBidirectional(dark.selectedProperty(), vm.darkThemeProperty());
        var view = new Menu("View", null, dark);
        var bar = new MenuBar(file, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path project : vm.recentProjects()) {
            var item = new MenuItem(project.getFileName() + "  —  " + Objects.requireNonNullElse(project.getParent(), project));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openRecent(project));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        var item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        var newProject = new Button("New project");
        newProject.setId("new-project");
        newProject.setOnAction(e -> vm.newProject());
        var open = new Button("Open project");
        open.setId("open-project");
        open.setOnAction(e -> vm.openProject());
        var dark = new ToggleButton("Dark theme");
        dark.setId("theme-toggle");
        dark.setAccessibleText("Switch between light and dark theme");
        subscriptions.bindBidirectional(dark.selectedProperty(), vm.darkThemeProperty());
        return new ToolBar(newProject, open, dark);
    }

    private VBox navigation() {
        var nav = new VBox(4);
        nav.getStyleClass().add(SiftStyles.NAV);
        nav.setPadding(new Insets(12, 8, 12, 8));
        for (Screen screen : Screen.values()) {
            var button = new ToggleButton(screen.label());
            button.setId(screen.navId());
            button.setUserData(screen);
            button.setToggleGroup(navigation);
            button.getStyleClass().add(SiftStyles.NAV_BUTTON);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setSelected(screen == Screen.DATASETS);
            nav.getChildren().add(button);
        }
        subscriptions.listen(navigation.selectedToggleProperty(), (obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one screen is always shown
            } else {
                show((Screen) toggle.getUserData());
            }
        });
        return nav;
    }

    private void show(Screen screen) {
        if (current != null) {
            current.dispose();
        }
        current = screen.create(workspace, services);
        current.node().setId("screen-" + screen.name().toLowerCase(java.util.Locale.ROOT));
        root.setCenter(current.node());
    }

    void dispose() {
        if (current != null) {
            current.dispose();
            current = null;
        }
        statusBar.dispose();
        subscriptions.dispose();
    }
}
