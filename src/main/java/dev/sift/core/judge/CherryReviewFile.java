package dev.sift.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pairwise review file in the format Cherry LLM released ({@code *_reviews_gpt4.json}):
 * {@code {Meta_Info: {dataset_name, ...}, data: [{<prompt>, Answer1, Answer2, review, scores,
 * review_reverse, scores_reverse}]}}, with the scores as strings such as {@code "[9.0, 8.5]"}.
 * {@code review} showed Answer1 (m1) as Assistant 1; {@code review_reverse} showed Answer2 (m2) first,
 * so its scores are m2's, then m1's. A score pair Cherry could not parse is {@code [-1, -1]}: such an
 * item is read as unparsed.
 */
public final class CherryReviewFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file's dataset name (Meta_Info.dataset_name, else the file name) and its items. */
    public record Reviews(String dataset, List<PairwiseComparison> items) {
        public Reviews {
            items = List.copyOf(items);
        }
    }

    private CherryReviewFile() {}

    public static Reviews read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not a JSON file: " + e.getMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new IOException(file + ": no 'data' array; expected Cherry's {Meta_Info, data: [...]} review format");
        }
        List<PairwiseComparison> items = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode record = data.get(i);
            items.add(new PairwiseComparison(judgement(file, i, record, "review", "scores"),
                    judgement(file, i, record, "review_reverse", "scores_reverse")));
        }
        String name = root.path("Meta_Info").path("dataset_name").asText("");
        return new Reviews(name.isBlank() ? file.getFileName().toString() : name, items);
    }

    private static OrderedJudgement judgement(Path file, int index, JsonNode record, String reviewField,
            String scoresField) throws IOException {
        JsonNode scores = record.get(scoresField);
        if (scores == null || !(scores.isTextual() || scores.isArray())) {
            throw new IOException(file + ": record " + index + " has no '" + scoresField + "' (a string like \"[9.0, 8.5]\")");
        }
        String text = scores.isArray() ? scores.get(0).asText() + " " + scores.path(1).asText() : scores.asText();
        String line = text.strip().replace("[", "").replace("]", "");
        Optional<ScorePair> pair = ScoreParser.scorePair(line).map(s -> new ScorePair(s[0], s[1]));
        if (pair.isEmpty() && !line.replace(',', ' ').strip().matches("-1(\\.0+)?\\s+-1(\\.0+)?")) {
            throw new IOException(file + ": record " + index + " field '" + scoresField + "' is not two scores: " + text);
        }
        return new OrderedJudgement(pair, record.path(reviewField).asText(""), "", "");
    }
}
