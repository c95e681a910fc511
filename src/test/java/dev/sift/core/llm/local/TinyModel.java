package dev.sift.core.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tiny model written by bench/models/make_tiny_model.py and its numpy reference. */
final class TinyModel {

    private TinyModel() {}

    static Path folder() {
        try {
            return Path.of(TinyModel.class.getResource("tiny/model.onnx").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fp16Folder() {
        return folder().resolve("fp16");
    }

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(folder().resolve("reference.json").toFile());
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** NLLs as written by the generator: null (undefined) for the first token. */
    static double[] nlls(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
