package dev.sift.ui.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.app.AgentInstructRuns;
import dev.sift.core.agentinstruct.Skill;
import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.model.Agent;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New AgentInstruct run" form: the seed collection, the skills with their mix weights (the built-in ones and
 * those of the project's {@code skills/} folder), the agent of each role, the judge, and the recipe's numbers as text.
 * {@link #spec()} builds the configuration the way a {@code --config} file is read, so a problem is reported in the
 * words of {@link AgentInstructSpec}'s validation, naming the field; {@link #estimateProperty()} tells the calls the
 * run will make at most. Holds no JavaFX nodes.
 */
public final class AgentInstructFormViewModel extends RecipeFormViewModel<AgentInstructSpec> {

    /** The number fields, by configuration name. */
    public static final List<String> NUMBERS = List.of("transformationsPerChunk", "instructionsPerContent", "rounds",
            "suggestions", "maxPairs", "seed", "budget");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObservableList<SeedCollection> collections = FXCollections.observableArrayList();
    private final ObjectProperty<SeedCollection> collection = new SimpleObjectProperty<>();
    private final ObservableList<SkillChoice> skills = FXCollections.observableArrayList(
            s -> new Observable[] {s.selectedProperty(), s.weightProperty()});
    private final ObservableList<String> agentNames = FXCollections.observableArrayList();
    private final Map<String, StringProperty> agents = new LinkedHashMap<>();
    private final StringProperty judge = new SimpleStringProperty("");
    private final StringProperty emit = new SimpleStringProperty("final");
    private final StringProperty dataset = new SimpleStringProperty("");
    private final Map<String, StringProperty> numbers = new LinkedHashMap<>();
    private SkillLibrary library = SkillLibrary.builtIn();

    public AgentInstructFormViewModel() {
        AgentInstructSpec.ROLES.forEach(role -> agents.put(role, new SimpleStringProperty("")));
        List<String> defaults = List.of("2", "2", "1", "2", "0", "0", "");
        for (int i = 0; i < NUMBERS.size(); i++) {
            numbers.put(NUMBERS.get(i), new SimpleStringProperty(defaults.get(i)));
        }
        List<Observable> inputs = new ArrayList<>(List.of(collection, skills, judge, emit, dataset));
        inputs.addAll(agents.values());
        inputs.addAll(numbers.values());
        validateOnChange(inputs);
        validate();
    }

    /**
     * Fills the choices from the project: its seed collections, skills and agents. A role whose agent is not yet
     * chosen gets the agent of the matching role when there is exactly one. Failures are shown as the form's problem.
     */
    public void load(ProjectStore store) {
        try {
            collections.setAll(store.seeds().listCollections());
            if (collection.get() == null || !collections.contains(collection.get())) {
                collection.set(collections.isEmpty() ? null : collections.get(0));
            }
            library = AgentInstructRuns.skills(store, Optional.empty());
            List<SkillChoice> choices = new ArrayList<>();
            for (Skill s : library.all()) {
                SkillChoice previous = skills.stream().filter(c -> c.name().equals(s.name())).findFirst().orElse(null);
                choices.add(previous != null ? previous : new SkillChoice(s.name(), s.description()));
            }
            skills.setAll(choices);
            List<Agent> list = store.agents().list();
            agentNames.setAll(withNone(list.stream().map(Agent::name)));
            for (var e : agents.entrySet()) {
                List<Agent> matching = list.stream().filter(a -> a.role().name().equalsIgnoreCase(e.getKey())).toList();
                if (e.getValue().get().isBlank() && matching.size() == 1) {
                    e.getValue().set(matching.get(0).name());
                }
            }
            validate();
        } catch (StoreException | IllegalArgumentException e) {
            showProblem("Cannot read the project's seeds, skills or agents: " + e.getMessage());
        }
    }

    /** Stores a queued run of the form; empty, with the problem shown, when the project refuses it. */
    public Optional<Run> create(ProjectStore store) throws StoreException {
        Optional<AgentInstructSpec> spec = spec();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgentInstructRuns.create(store, spec.get(), library));
        } catch (IllegalArgumentException e) {
            showProblem(e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    AgentInstructSpec parse(String json) {
        return AgentInstructSpec.fromJson(json, SOURCE);
    }

    @Override
    Optional<String> missingInput() {
        return collection.get() == null
                ? Optional.of("field 'seeds': import seed documents first ('sift seeds import')") : Optional.empty();
    }

    @Override
    String estimate(AgentInstructSpec spec) {
        return AgentInstructEstimate.describe(spec, collection.get().chunks());
    }

    @Override
    String configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("seeds", collection.get() == null ? "" : collection.get().name());
        ObjectNode mix = root.putObject("skills");
        for (SkillChoice s : skills) {
            if (s.selectedProperty().get()) {
                number(mix, s.name(), s.weightProperty());
            }
        }
        ObjectNode roles = root.putObject("agents");
        agents.forEach((role, name) -> {
            if (name.get() != null && !name.get().isBlank()) {
                roles.put(role, name.get());
            }
        });
        numbers.forEach((field, text) -> {
            if (!field.equals("budget") || (text.get() != null && !text.get().isBlank())) {
                number(root, field, text);
            }
        });
        root.put("emit", emit.get() == null ? "final" : emit.get());
        String name = dataset.get() == null ? "" : dataset.get().trim();
        if (!name.isEmpty()) {
            root.put("dataset", name);
        }
        if (judge.get() != null && !judge.get().isBlank()) {
            root.put("judge", judge.get());
        }
        return root.toString();
    }

    private static void number(ObjectNode root, String field, StringProperty text) {
        FormNumbers.put(root, field, text.get());
    }

    public ObservableList<SeedCollection> collections() {
        return collections;
    }

    public ObjectProperty<SeedCollection> collectionProperty() {
        return collection;
    }

    public ObservableList<SkillChoice> skills() {
        return skills;
    }

    /** The project's agents by name, after "" (none). */
    public ObservableList<String> agentNames() {
        return agentNames;
    }

    /** The agent chosen for a role ({@link AgentInstructSpec#ROLES}). */
    public StringProperty agentProperty(String role) {
        StringProperty p = agents.get(role);
        if (p == null) {
            throw new IllegalArgumentException("no role " + role);
        }
        return p;
    }

    public StringProperty judgeProperty() {
        return judge;
    }

    /** "final" or "all". */
    public StringProperty emitProperty() {
        return emit;
    }

    /** The output dataset's name; empty for the default ({@code <seeds>-agentinstruct}). */
    public StringProperty datasetProperty() {
        return dataset;
    }

    /** The text of a number field by its configuration name ({@link #NUMBERS}). */
    public StringProperty field(String name) {
        StringProperty p = numbers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p;
    }
}
