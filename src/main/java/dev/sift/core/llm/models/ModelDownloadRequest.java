package dev.sift.core.llm.models;

import java.util.List;

/**
 * Which files of which Hub repository to download.
 *
 * @param repoId e.g. {@code HuggingFaceTB/SmolLM2-135M-Instruct}
 * @param revision a branch, tag or commit; usually {@code main}
 * @param files repository paths with {@code /} separators, e.g. {@code onnx/model.onnx}; none may climb
 *     out of the model folder or start a segment with a dot
 */
public record ModelDownloadRequest(String repoId, String revision, List<String> files) {

    public ModelDownloadRequest {
        ModelsDirectory.folderName(repoId);
        if (revision == null || revision.isBlank()) {
            throw new IllegalArgumentException("No revision given (use \"main\")");
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("No files chosen to download from " + repoId);
        }
        files = List.copyOf(files);
        for (String file : files) {
            checkPath(file);
        }
    }

    static void checkPath(String path) {
        boolean valid = path != null && !path.isEmpty() && !path.startsWith("/") && !path.contains("\\")
                && !path.contains(":");
        if (valid) {
            for (String segment : path.split("/", -1)) {
                valid &= !segment.isEmpty() && !segment.startsWith(".");
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("Not a safe repository file path: \"" + path + "\"");
        }
    }
}
