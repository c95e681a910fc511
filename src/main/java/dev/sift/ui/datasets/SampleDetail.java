package dev.sift.ui.datasets;

import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The full text of one sample, as labelled sections: fields for single-turn, turns for conversations. */
public record SampleDetail(String heading, List<Section> sections) {

    public SampleDetail {
        sections = List.copyOf(sections);
    }

    public record Section(String label, String text) {}

    public static SampleDetail of(Sample sample) {
        SampleContent content = sample.content();
        var heading = new StringBuilder("Record ").append(sample.recordIndex() + 1);
        if (!content.category().isEmpty()) {
            heading.append(" · ").append(content.category());
        }
        heading.append(" · ").append(content.characterCount()).append(" chars");
        var sections = new ArrayList<Section>();
        if (content.isMultiTurn()) {
            heading.append(" · ").append(content.messages().size()).append(" turns");
            for (Message turn : content.conversation()) {
                sections.add(new Section(capitalize(turn.role()), turn.content()));
            }
        } else {
            addIfPresent(sections, "System", content.system());
            sections.add(new Section("Instruction", content.instruction()));
            addIfPresent(sections, "Input", content.input());
            sections.add(new Section("Output", content.output()));
        }
        return new SampleDetail(heading.toString(), sections);
    }

    private static void addIfPresent(List<Section> sections, String label, String text) {
        if (!text.isEmpty()) {
            sections.add(new Section(label, text));
        }
    }

    private static String capitalize(String role) {
        return role.isEmpty() ? role : role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
    }
}
