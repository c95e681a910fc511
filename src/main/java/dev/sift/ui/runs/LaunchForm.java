package dev.sift.ui.runs;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiServices;
import java.util.OptionalLong;
import javafx.scene.Node;

/**
 * One recipe's launch form on the Runs screen, shown above the runs table when its "New run" menu item is chosen. The
 * form's Launch button calls the screen back, which {@linkplain #create creates} the run and queues its
 * {@linkplain dev.sift.app.Recipes resumable recipe}'s job.
 */
public interface LaunchForm {

    /** The recipe id of the runs this form creates; the menu item's id is {@code runs-new-<recipe>}. */
    String recipe();

    /** The menu item's text, e.g. "Star-Agents run…". */
    String title();

    Node node();

    /** Re-reads the project's datasets, agents and endpoints; called each time the form is opened. */
    void load(ProjectStore store);

    /**
     * Stores a queued run of the form's configuration and returns its id; empty when the form is not valid, which the
     * form then says.
     */
    OptionalLong create(ProjectStore store) throws StoreException;

    void dispose();

    /** Makes a recipe's form for the screen that hosts it. */
    @FunctionalInterface
    interface Factory {
        LaunchForm create(WorkspaceState workspace, UiServices services, Host host);
    }

    /** What a form's Launch and Close buttons ask of the screen. */
    interface Host {
        /** Creates and queues a run of the form; the screen hides the form when that worked. */
        void launch(LaunchForm form);

        /** Hides the form. */
        void close();
    }
}
