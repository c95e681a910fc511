package dev.sift.ui.runs;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.View;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * A recipe's launch form made of its form view model and the pane that shows it: the one {@link LaunchForm} every
 * recipe uses, told what its view model does by {@link LaunchForms}.
 */
final class RecipeLaunchForm implements LaunchForm {

    /** Stores a queued run of the form's configuration; empty when the form is not valid. */
    @FunctionalInterface
    interface RunCreator {
        OptionalLong create(ProjectStore store) throws StoreException;
    }

    private final String recipe;
    private final String title;
    private final Consumer<ProjectStore> loader;
    private final RunCreator creator;
    private final View pane;

    /**
     * @param loader re-reads the project into the view model
     * @param pane makes the pane from the Launch and Close actions
     */
    RecipeLaunchForm(String recipe, String title, LaunchForm.Host host, Consumer<ProjectStore> loader,
            RunCreator creator, BiFunction<Runnable, Runnable, View> pane) {
        this.recipe = recipe;
        this.title = title;
        this.loader = loader;
        this.creator = creator;
        this.pane = pane.apply(() -> host.launch(this), host::close);
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return pane.node();
    }

    @Override
    public void load(ProjectStore store) {
        loader.accept(store);
    }

    @Override
    public OptionalLong create(ProjectStore store) throws StoreException {
        return creator.create(store);
    }

    @Override
    public void dispose() {
        pane.dispose();
    }
}
