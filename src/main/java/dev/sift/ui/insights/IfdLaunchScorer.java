package dev.sift.ui.insights;

/** What "Score IFD…" scores with: an ONNX model opened in process, or a model served by a vLLM endpoint. */
public enum IfdLaunchScorer {
    MODEL_FOLDER("in-process model folder"),
    ENDPOINT("endpoint + model");

    private final String label;

    IfdLaunchScorer(String label) {
        this.label = label;
    }

    /** How the choice reads in the launch pane. */
    public String label() {
        return label;
    }
}
