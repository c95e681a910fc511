package dev.sift.cli.command;

import dev.sift.core.llm.models.RepoFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which files {@code sift models download REPO} fetches when neither {@code --file} nor the suggested
 * list says: {@code tokenizer.json}, {@code config.json} and {@code generation_config.json} where the
 * repository has them, and <em>one</em> ONNX graph with its external-data side files.
 *
 * <p>The graph is {@code model.onnx}, else {@code onnx/model.onnx}, else the only {@code .onnx} directly
 * under {@code onnx/}. ONNX export repositories usually hold several variants of one model
 * ({@code model_fp16.onnx}, {@code model_q4.onnx}, {@code model_quantized.onnx}, …); fetching them all
 * would multiply a download of gigabytes for files Sift never loads together, so a repository with
 * several graphs and no {@code model.onnx} gets no default: the user picks with {@code --file}.
 */
final class DefaultModelFiles {

    static final List<String> SIDE_FILES = List.of("tokenizer.json", "config.json", "generation_config.json");

    private DefaultModelFiles() {}

    /** The files to fetch, or why there is no sensible default. */
    record Choice(List<String> files, Optional<String> problem) {
        static Choice of(List<String> files) {
            return new Choice(List.copyOf(files), Optional.empty());
        }

        static Choice none(String problem) {
            return new Choice(List.of(), Optional.of(problem));
        }
    }

    static Choice choose(String repo, List<RepoFile> listing) {
        Set<String> paths = listing.stream().map(RepoFile::path).collect(Collectors.toSet());
        List<String> graphs = listing.stream().map(RepoFile::path)
                .filter(p -> p.equals("model.onnx") || (p.startsWith("onnx/") && p.endsWith(".onnx")
                        && p.indexOf('/', "onnx/".length()) < 0))
                .sorted().toList();
        String graph = paths.contains("model.onnx") ? "model.onnx"
                : paths.contains("onnx/model.onnx") ? "onnx/model.onnx"
                : graphs.size() == 1 ? graphs.get(0) : null;
        if (graph == null) {
            return Choice.none(graphs.isEmpty()
                    ? repo + " has no ONNX graph (model.onnx or onnx/*.onnx); Sift needs an ONNX export of the model"
                    : repo + " has several ONNX graphs and none named model.onnx: " + String.join(", ", graphs)
                            + "; choose one with --file (plus --file tokenizer.json --file config.json)");
        }
        if (!paths.contains("tokenizer.json")) {
            return Choice.none(repo + " has no tokenizer.json, which Sift needs to load the model");
        }
        List<String> files = new ArrayList<>();
        SIDE_FILES.stream().filter(paths::contains).forEach(files::add);
        files.add(graph);
        // Graphs over 2 GB keep their weights beside them: model.onnx_data, model.onnx.data, model.onnx_data_1, …
        listing.stream().map(RepoFile::path)
                .filter(p -> p.startsWith(graph + "_data") || p.startsWith(graph + ".data"))
                .sorted().forEach(files::add);
        return Choice.of(files);
    }
}
