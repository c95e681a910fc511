package dev.sift.ui.insights;

import dev.sift.ui.common.PlaceholderView;
import dev.sift.ui.common.View;
import javafx.scene.Node;

/** The Insights screen; not built yet, so it says what it will do. */
public final class InsightsView implements View {

    static final String PURPOSE = "Insights will chart how agent-pair weights evolve during a run, the distributions of IFD and judge scores, difficulty against quality, cost and tokens per agent, and how often the judge agrees with you.";

    private final PlaceholderView placeholder = new PlaceholderView("Insights", PURPOSE);

    @Override
    public Node node() {
        return placeholder.node();
    }

    @Override
    public void dispose() {
        placeholder.dispose();
    }
}
