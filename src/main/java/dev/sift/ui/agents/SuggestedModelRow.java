package dev.sift.ui.agents;

import dev.sift.core.llm.models.SuggestedModel;

/** One row of the suggested-models table: the model and whether it is here. */
public record SuggestedModelRow(SuggestedModel model, ModelState state) {

    /** Where a suggested model stands on this machine. */
    public enum ModelState {
        NOT_INSTALLED("Not installed", "Download"),
        PARTIAL("Partial · resumable", "Resume download"),
        DOWNLOADING("Downloading…", "Download"),
        INSTALLED("Installed", "Download");

        private final String label;
        private final String action;

        ModelState(String label, String action) {
            this.label = label;
            this.action = action;
        }

        public String label() {
            return label;
        }

        /** What the download button says for a model in this state. */
        public String action() {
            return action;
        }
    }

    public String repoId() {
        return model.repoId();
    }

    public String purpose() {
        return model.purpose();
    }

    public String size() {
        return model.approxBytes() < 0 ? "—" : "≈ " + ModelsViewModel.bytes(model.approxBytes());
    }

    public String stateText() {
        return state.label();
    }

    /** Whether a click on Download may start (or resume) a download now. */
    public boolean canDownload() {
        return state == ModelState.NOT_INSTALLED || state == ModelState.PARTIAL;
    }
}
