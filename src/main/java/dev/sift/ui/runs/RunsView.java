package dev.sift.ui.runs;

import dev.sift.ui.common.PlaceholderView;
import dev.sift.ui.common.View;
import javafx.scene.Node;

/** The Runs screen; not built yet, so it says what it will do. */
public final class RunsView implements View {

    static final String PURPOSE = "Runs will launch recipes (Star-Agents, AgentInstruct, IFD scoring, reflection) on a dataset in the background, with an estimate of calls, tokens and cost before they start, a budget cap, live progress per stage, a log, cancel and resume.";

    private final PlaceholderView placeholder = new PlaceholderView("Runs", PURPOSE);

    @Override
    public Node node() {
        return placeholder.node();
    }

    @Override
    public void dispose() {
        placeholder.dispose();
    }
}
