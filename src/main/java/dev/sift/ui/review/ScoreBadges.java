package dev.sift.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.store.Score;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The score badges of a candidate's header: metric and value to three decimals, scorer and template on hover. */
final class ScoreBadges {

    static final String BADGE = "score-badge";
    private static final String PPL_KEY = "ifd_ppl";
    private static final String RIFD = "rifd";
    private static final String RIFD_PPL_KEY = "rifd_ppl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoreBadges() {}

    static List<Label> of(List<Score> scores) {
        return scores.stream().map(ScoreBadges::badge).collect(Collectors.toList());
    }

    /** The badge's words: "ifd 0.532", with " · ppl 0.871" when the details hold IFD ppl (r-IFD ppl for rifd). */
    static String text(Score score) {
        String text = score.metric() + " " + number(score.value());
        double ppl = ppl(score.detailsJson(), RIFD.equals(score.metric()) ? RIFD_PPL_KEY : PPL_KEY);
        return Double.isNaN(ppl) ? text : text + " · ppl " + number(ppl);
    }

    private static Label badge(Score score) {
        var badge = new Label(text(score));
        badge.getStyleClass().add(BADGE);
        var hover = new StringBuilder("scored by ").append(score.scorer());
        if (!score.template().isEmpty()) {
            hover.append("\ntemplate ").append(score.template());
        }
        if (score.maxLength() > 0) {
            hover.append("\nwindow ").append(score.maxLength()).append(" tokens");
        }
        badge.setTooltip(new Tooltip(hover.toString()));
        return badge;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "—";
    }

    /** IFD ppl from a score's details; NaN when absent or unreadable. */
    private static double ppl(String detailsJson, String key) {
        if (detailsJson == null || detailsJson.isBlank()) {
            return Double.NaN;
        }
        try {
            JsonNode node = JSON.readTree(detailsJson).path(key);
            return node.isNumber() ? node.doubleValue() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
