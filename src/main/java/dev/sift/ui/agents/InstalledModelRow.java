package dev.sift.ui.agents;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of the installed-models table: a complete model folder, or one whose download stopped
 * half-way and can be resumed.
 *
 * @param name the folder name, e.g. {@code HuggingFaceTB--SmolLM2-135M-Instruct}
 * @param repoId the Hub repository the folder stands for
 * @param folder the model folder
 * @param sizeBytes the size of its files (for a partial download: what has arrived so far)
 * @param onnxFiles its ONNX graphs, relative to the folder
 * @param partial whether a download into it is unfinished
 */
public record InstalledModelRow(String name, String repoId, Path folder, long sizeBytes, List<String> onnxFiles,
        boolean partial) {

    public InstalledModelRow {
        onnxFiles = List.copyOf(onnxFiles);
    }

    public String size() {
        return ModelsViewModel.bytes(sizeBytes);
    }

    public String onnx() {
        return onnxFiles.isEmpty() ? "—" : String.join(", ", onnxFiles);
    }

    public String state() {
        return partial ? "Partial download · resumable" : "Installed";
    }
}
