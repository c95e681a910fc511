package dev.sift.core.llm.models;

import java.util.List;

/**
 * A model Sift suggests downloading.
 *
 * @param repoId the Hub repository, e.g. {@code HuggingFaceTB/SmolLM2-135M-Instruct}
 * @param purpose what Sift uses it for, one line
 * @param approxBytes roughly how much the download weighs; the listing gives the exact sizes
 * @param files the repository paths to fetch: an ONNX graph, {@code tokenizer.json} and the configs
 */
public record SuggestedModel(String repoId, String purpose, long approxBytes, List<String> files) {

    public SuggestedModel {
        ModelsDirectory.folderName(repoId); // validates the id
        files = List.copyOf(files);
    }

    /** The request that downloads this model's files at {@code main}. */
    public ModelDownloadRequest request() {
        return new ModelDownloadRequest(repoId, HubClient.DEFAULT_REVISION, files);
    }
}
