package dev.sift.core.llm.models;

import java.nio.file.Path;

/**
 * A model folder whose download stopped part-way: it holds {@value ModelsDirectory#PARTIAL}, and running
 * the download again resumes it.
 *
 * @param name the folder name, e.g. {@code HuggingFaceTB--SmolLM2-135M-Instruct}
 * @param folder the model folder
 * @param bytesSoFar what has arrived, counting unfinished files
 */
public record PartialDownload(String name, Path folder, long bytesSoFar) {

    /** The Hub repository id the folder stands for: {@code owner--name} reads as {@code owner/name}. */
    public String repoId() {
        return ModelsDirectory.repoIdOf(name);
    }
}
