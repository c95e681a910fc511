package dev.sift.core.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a Hugging Face ONNX export folder and what its config says, found and checked before
 * anything native is loaded.
 *
 * @param folder the export folder
 * @param model {@code model.onnx}, or the first full-precision {@code onnx/model*.onnx}
 * @param tokenizer {@code tokenizer.json}
 * @param vocabSize {@code vocab_size}, or -1
 * @param bosTokenId the beginning-of-sequence id, or -1 when config.json has none
 * @param eosTokenIds end-of-sequence ids from config.json and generation_config.json
 * @param kvHeads {@code num_key_value_heads} (else {@code num_attention_heads}), or -1
 * @param headDim {@code head_dim} (else hidden size / attention heads), or -1
 */
record ModelFolder(
        Path folder, Path model, Path tokenizer, int vocabSize, int bosTokenId, Set<Integer> eosTokenIds, int kvHeads,
        int headDim, int maxPositions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** File names of exports that are not full precision; used only to prefer the fp32 one. */
    private static final Pattern REDUCED =
            Pattern.compile(".*(fp16|f16|bf16|int8|uint8|int4|q4|q8|quant|bnb4).*");

    static ModelFolder read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder");
        }
        Path model = findModel(folder);
        Path tokenizer = require(folder, "tokenizer.json");
        JsonNode config = JSON.readTree(require(folder, "config.json").toFile());
        Set<Integer> eos = new LinkedHashSet<>(ids(config.path("eos_token_id")));
        Path generation = folder.resolve("generation_config.json");
        if (Files.isRegularFile(generation)) {
            eos.addAll(ids(JSON.readTree(generation.toFile()).path("eos_token_id")));
        }
        int heads = config.path("num_attention_heads").asInt(-1);
        int kvHeads = config.path("num_key_value_heads").asInt(heads);
        int hidden = config.path("hidden_size").asInt(-1);
        int headDim = config.path("head_dim").asInt(heads > 0 && hidden > 0 ? hidden / heads : -1);
        return new ModelFolder(folder, model, tokenizer, config.path("vocab_size").asInt(-1),
                config.path("bos_token_id").asInt(-1), Set.copyOf(eos),
                kvHeads, headDim, maxPositions(config));
    }

    /** The context window from the config (GPT-2 calls it n_positions), or no limit when it says none. */
    private static int maxPositions(JsonNode config) {
        for (String key : new String[] {"max_position_embeddings", "n_positions", "n_ctx"}) {
            if (config.path(key).canConvertToInt() && config.path(key).asInt() > 0) {
                return config.path(key).asInt();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Path findModel(Path folder) throws IOException {
        Path direct = folder.resolve("model.onnx");
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path sub = folder.resolve("onnx");
        List<Path> candidates = List.of();
        if (Files.isDirectory(sub)) {
            try (Stream<Path> files = Files.list(sub)) {
                candidates = files.filter(p -> {
                            String name = p.getFileName().toString();
                            return name.startsWith("model") && name.endsWith(".onnx") && Files.isRegularFile(p);
                        })
                        .sorted()
                        .toList();
            }
        }
        if (candidates.isEmpty()) {
            throw new NoSuchFileException(folder.toString(), null, "no model.onnx or onnx/model*.onnx in this folder");
        }
        return candidates.stream()
                .filter(p -> !REDUCED.matcher(p.getFileName().toString().toLowerCase(Locale.ROOT)).matches())
                .findFirst()
                .orElse(candidates.get(0));
    }

    private static Path require(Path folder, String name) throws NoSuchFileException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(folder.toString(), null, "no " + name + " in this folder");
        }
        return file;
    }

    private static List<Integer> ids(JsonNode node) {
        if (node.isInt()) {
            return List.of(node.asInt());
        }
        if (node.isArray()) {
            List<Integer> out = new ArrayList<>();
            node.forEach(e -> out.add(e.asInt()));
            return out;
        }
        return List.of();
    }
}
