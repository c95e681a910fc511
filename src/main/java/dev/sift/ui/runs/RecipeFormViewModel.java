package dev.sift.ui.runs;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What every recipe's launch form view model does the same way: it re-validates its configuration JSON whenever an
 * input changes, reads it the way a {@code --config} file is read (so a problem is reported in the words of the
 * recipe's spec, naming the field), and tells the run's estimate while the form is valid. Holds no JavaFX nodes.
 *
 * @param <S> the recipe's spec
 */
public abstract class RecipeFormViewModel<S> {

    /** The source the spec's validation names in its messages. */
    static final String SOURCE = "run settings";

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");

    /** The configuration JSON the form describes; numbers typed as text pass through as numbers when they are. */
    abstract String configJson();

    /** Reads the configuration JSON into the spec; throws {@link IllegalArgumentException} naming the field. */
    abstract S parse(String json);

    /** Why the form cannot describe a run before its JSON is read (e.g. no dataset chosen); empty when it can. */
    abstract Optional<String> missingInput();

    /** The estimate line of a valid spec. */
    abstract String estimate(S spec);

    /** Validates the form again whenever one of these inputs changes. */
    final void validateOnChange(Collection<? extends Observable> inputs) {
        inputs.forEach(input -> input.addListener(o -> validate()));
    }

    /** The configuration the form describes, or empty with {@link #problemProperty()} saying why. */
    public Optional<S> spec() {
        validate();
        if (!problem.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(configJson()));
    }

    final void validate() {
        try {
            Optional<String> missing = missingInput();
            if (missing.isPresent()) {
                throw new IllegalArgumentException(missing.get());
            }
            S spec = parse(configJson());
            problem.set("");
            estimate.set(estimate(spec));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            estimate.set("");
        }
    }

    /** Shows a problem found outside validation: reading the project, or the project refusing the run. */
    final void showProblem(String text) {
        problem.set(text);
    }

    /** The OpenAI-compatible endpoints' names after "" (a local model folder instead). */
    static List<String> openAiEndpointNames(List<Endpoint> endpoints) {
        return withNone(endpoints.stream().filter(e -> e.kind() == EndpointKind.OPENAI).map(Endpoint::name));
    }

    /** The names after "" (none chosen). */
    static List<String> withNone(Stream<String> names) {
        List<String> all = new ArrayList<>(List.of(""));
        names.forEach(all::add);
        return all;
    }

    /** What keeps the form from launching, naming the field; empty when it may. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }
}
