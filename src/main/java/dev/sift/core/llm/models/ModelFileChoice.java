package dev.sift.core.llm.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The files of a repository that a causal-LM ONNX export needs, chosen when the user has not picked:
 * {@code config.json}, {@code tokenizer.json}, {@code tokenizer_config.json} and
 * {@code generation_config.json} where the repository has them, and <em>one</em> ONNX graph with its
 * external-data files ({@code model.onnx_data}, {@code model.onnx.data}, {@code model.onnx_data_1}, …).
 *
 * <p>The graph is {@code onnx/model.onnx}, else {@code model.onnx}, else the smallest full-precision
 * variant (graph plus its data) among the graphs at the top or directly under {@code onnx/}. Export
 * repositories usually hold several variants of one model ({@code model_fp16.onnx},
 * {@code model_q4.onnx}, {@code model_quantized.onnx}, …); fetching them all would multiply a download
 * of gigabytes for files Sift never loads together, and quantised variants are never picked by default.
 */
public final class ModelFileChoice {

    /** The small files fetched beside the graph, in this order, where the repository has them. */
    public static final List<String> SIDE_FILES =
            List.of("config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json");

    private static final Pattern QUANTISED = Pattern.compile(
            "(^|[_.-])(fp16|f16|bf16|q4|q4f16|q8|int4|int8|uint8|quantized|quantised|bnb4)([_.-]|$)");

    private ModelFileChoice() {}

    /** The files to fetch, or why there is no complete default (then {@code files} holds what was found). */
    public record Choice(List<String> files, Optional<String> problem) {
        public Choice {
            files = List.copyOf(files);
        }

        public static Choice of(List<String> files) {
            return new Choice(files, Optional.empty());
        }
    }

    /** The default choice for {@code repo} from its listing. */
    public static Choice defaultFor(String repo, List<RepoFile> listing) {
        Map<String, RepoFile> byPath = listing.stream()
                .collect(Collectors.toMap(RepoFile::path, Function.identity(), (a, b) -> a));
        List<String> files = new ArrayList<>();
        SIDE_FILES.stream().filter(byPath::containsKey).forEach(files::add);
        Optional<String> graph = graph(listing, byPath);
        graph.ifPresent(g -> {
            files.add(g);
            files.addAll(dataFiles(g, listing));
        });
        if (graph.isEmpty()) {
            List<String> graphs = graphs(listing).stream().map(RepoFile::path).toList();
            return new Choice(files, Optional.of(graphs.isEmpty()
                    ? repo + " has no ONNX graph (model.onnx or onnx/*.onnx); Sift needs an ONNX export of the model"
                    : repo + " has only quantised ONNX graphs (" + String.join(", ", graphs) + "); choose one"));
        }
        if (!byPath.containsKey("tokenizer.json")) {
            return new Choice(files, Optional.of(repo + " has no tokenizer.json, which Sift needs to load the model"));
        }
        return Choice.of(files);
    }

    /** The external-data files that belong to {@code graph}, sorted. */
    public static List<String> dataFiles(String graph, List<RepoFile> listing) {
        return listing.stream().map(RepoFile::path)
                .filter(p -> p.startsWith(graph + "_data") || p.startsWith(graph + ".data"))
                .sorted().toList();
    }

    /** Whether the graph's file name marks a reduced-precision or quantised variant. */
    static boolean isQuantised(String graph) {
        String name = graph.substring(graph.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return QUANTISED.matcher(name.substring(0, name.length() - ".onnx".length())).find();
    }

    private static Optional<String> graph(List<RepoFile> listing, Map<String, RepoFile> byPath) {
        for (String preferred : List.of("onnx/model.onnx", "model.onnx")) {
            if (byPath.containsKey(preferred)) {
                return Optional.of(preferred);
            }
        }
        return graphs(listing).stream().filter(f -> !isQuantised(f.path()))
                .min(Comparator.comparingLong((RepoFile f) -> withData(f, listing)).thenComparing(RepoFile::path))
                .map(RepoFile::path);
    }

    /** The {@code .onnx} files at the top of the repository or directly under {@code onnx/}, by path. */
    private static List<RepoFile> graphs(List<RepoFile> listing) {
        return listing.stream().filter(f -> f.path().endsWith(".onnx"))
                .filter(f -> f.path().indexOf('/') < 0
                        || (f.path().startsWith("onnx/") && f.path().indexOf('/', "onnx/".length()) < 0))
                .sorted(Comparator.comparing(RepoFile::path)).toList();
    }

    private static long withData(RepoFile graph, List<RepoFile> listing) {
        long size = Math.max(0, graph.size());
        for (RepoFile f : listing) {
            if (f.path().startsWith(graph.path() + "_data") || f.path().startsWith(graph.path() + ".data")) {
                size += Math.max(0, f.size());
            }
        }
        return size;
    }
}
