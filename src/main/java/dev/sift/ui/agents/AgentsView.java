package dev.sift.ui.agents;

import dev.sift.ui.common.PlaceholderView;
import dev.sift.ui.common.View;
import javafx.scene.Node;

/** The Agents screen; not built yet, so it says what it will do. */
public final class AgentsView implements View {

    static final String PURPOSE = "Agents will hold your model endpoints (OpenAI-compatible servers and in-process ONNX models), the agents built on them with their roles and prompts, and the agent pairs that Star-Agents samples, with connection tests and their current weights.";

    private final PlaceholderView placeholder = new PlaceholderView("Agents", PURPOSE);

    @Override
    public Node node() {
        return placeholder.node();
    }

    @Override
    public void dispose() {
        placeholder.dispose();
    }
}
