package dev.sift.ui;

import dev.sift.ui.agents.AgentsView;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import dev.sift.ui.datasets.DatasetsView;
import dev.sift.ui.export.ExportView;
import dev.sift.ui.insights.InsightsView;
import dev.sift.ui.review.ReviewView;
import dev.sift.ui.runs.RunsView;
import java.util.Locale;

/** The screens of the left navigation, and how each is built. */
enum Screen {
    DATASETS("Datasets"),
    AGENTS("Agents"),
    RUNS("Runs"),
    REVIEW("Review"),
    INSIGHTS("Insights"),
    EXPORT("Export");

    private final String label;

    Screen(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The id of its navigation button, e.g. {@code nav-datasets}. */
    String navId() {
        return "nav-" + name().toLowerCase(Locale.ROOT);
    }

    View create(WorkspaceState workspace, UiServices services) {
        return switch (this) {
            case DATASETS -> new DatasetsView(workspace, services);
            case AGENTS -> new AgentsView(workspace, services);
            case RUNS -> new RunsView(workspace, services);
            case REVIEW -> new ReviewView(workspace, services);
            case INSIGHTS -> new InsightsView(workspace, services);
            case EXPORT -> new ExportView(workspace, services);
        };
    }
}
