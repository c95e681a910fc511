package dev.sift.core.llm.models;

import java.nio.file.Path;
import java.util.List;

/**
 * A model folder that is complete enough to load: it has an ONNX graph and a {@code tokenizer.json},
 * and no download into it is unfinished.
 *
 * @param name the folder name, e.g. {@code HuggingFaceTB--SmolLM2-135M-Instruct}
 * @param folder the folder itself
 * @param sizeBytes the total size of its files
 * @param files its files (hidden ones left out), sorted by path
 */
public record InstalledModel(String name, Path folder, long sizeBytes, List<ModelFile> files) {

    public InstalledModel {
        files = List.copyOf(files);
    }

    /** The Hub repository id the folder name stands for: {@code owner--name} reads as {@code owner/name}. */
    public String repoId() {
        return ModelsDirectory.repoIdOf(name);
    }

    /** The ONNX graphs in the folder (paths relative to it, {@code /}-separated). */
    public List<String> onnxFiles() {
        return files.stream().map(ModelFile::path).filter(p -> p.endsWith(".onnx")).toList();
    }

    /** One file of a model folder; {@code path} is relative to the folder with {@code /} separators. */
    public record ModelFile(String path, long size) {}
}
