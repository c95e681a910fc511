package dev.sift.ui.datasets;

import dev.sift.core.model.DatasetFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An entry of the import format list: "detect automatically" or one format. */
public record FormatChoice(Optional<DatasetFormat> format) {

    public static final FormatChoice AUTO = new FormatChoice(Optional.empty());

    public static List<FormatChoice> all() {
        var choices = new ArrayList<FormatChoice>();
        choices.add(AUTO);
        for (DatasetFormat format : DatasetFormat.values()) {
            choices.add(new FormatChoice(Optional.of(format)));
        }
        return List.copyOf(choices);
    }

    @Override
    public String toString() {
        return format.map(DatasetFormat::label).orElse("Detect automatically");
    }
}
