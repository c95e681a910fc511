package dev.sift.ui.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.engine.CostEstimate;
import dev.sift.core.llm.engine.CostEstimator;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.DialogService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New reflection run" form: dataset, teacher agent (role teacher), student scorer, the selection flags and
 * numbers, as text the user types. {@link #spec()} builds the run's configuration the way a {@code --config} file is
 * read, so a problem is reported in {@link ReflectionSpec}'s words, naming the field; {@link #estimateProperty()}
 * tells the expected teacher calls (three reflections per sample, twice that at most with retries), tokens and cost.
 * Holds no JavaFX nodes.
 */
public final class ReflectionFormViewModel extends RecipeFormViewModel<ReflectionSpec> {

    /** Characters of a reflection prompt without the sample: the criteria and the tags. */
    static final int PROMPT_CHARS = 1600;
    static final int DEFAULT_OUTPUT_TOKENS = 1024;
    static final List<String> TEMPLATES = List.of("vicuna", "alpaca", "wiz", "none");
    static final List<String> VARIANTS = List.of("ppl", "loss");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObservableList<Dataset> datasets;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObservableList<String> teachers = FXCollections.observableArrayList();
    private final StringProperty teacher = new SimpleStringProperty("");
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    private final ScorerChoice student = new ScorerChoice();
    private final StringProperty template = new SimpleStringProperty("vicuna");
    private final StringProperty variant = new SimpleStringProperty("ppl");
    private final StringProperty maxLength = new SimpleStringProperty(Integer.toString(ReflectionSpec.DEFAULT_MAX_LENGTH));
    private final StringProperty topK = new SimpleStringProperty("");
    private final StringProperty seed = new SimpleStringProperty("0");
    private final StringProperty budget = new SimpleStringProperty("");
    private final StringProperty concurrency = new SimpleStringProperty("1");
    private final BooleanProperty keepQOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty keepOriginal = new SimpleBooleanProperty(false);
    private final BooleanProperty referenceCompat = new SimpleBooleanProperty(false);
    private List<Agent> agents = List.of();
    private List<Endpoint> endpointList = List.of();

    /** @param datasets the project's datasets (the workspace's list) */
    public ReflectionFormViewModel(ObservableList<Dataset> datasets) {
        this.datasets = datasets;
        validateOnChange(List.of(dataset, teacher, template, variant, maxLength, topK, seed, budget, concurrency,
            keepQOnly, keepOriginal, referenceCompat, student.folderProperty(), student.endpointProperty(),
            student.modelProperty()));
        dataset.set(datasets.isEmpty() ? null : datasets.get(0));
        validate();
    }

    /** Fills the choices from the project: its teacher agents and OpenAI-compatible endpoints (a few short rows). */
    public void load(ProjectStore store) {
        try {
            agents = store.agents().list();
            endpointList = store.endpoints().list();
            teachers.setAll(agents.stream().filter(a -> a.role() == AgentRole.TEACHER).map(Agent::name).toList());
            if ((teacher.get() == null || teacher.get().isEmpty()) && !teachers.isEmpty()) {
                teacher.set(teachers.get(0));
            }
            endpoints.setAll(openAiEndpointNames(endpointList));
            validate();
        } catch (Exception e) {
            showProblem("Cannot read the project's agents: " + e.getMessage());
        }
    }

    /** Asks for the student's model folder. */
    public void chooseFolder(DialogService dialogs) {
        dialogs.chooseFolder("Model folder of the student").ifPresent(p -> {
            student.endpointProperty().set("");
            student.folderProperty().set(p.toString());
        });
    }

    @Override
    ReflectionSpec parse(String json) {
        return ReflectionSpec.fromJson(json, SOURCE);
    }

    @Override
    Optional<String> missingInput() {
        return dataset.get() == null ? Optional.of("field 'dataset' must name the dataset") : Optional.empty();
    }

    @Override
    String estimate(ReflectionSpec spec) {
        return describe(spec, dataset.get().samples());
    }

    /** "Estimate: ≈ N teacher calls (S samples × 3 reflections, at most 2N with retries), ≈ T tokens, ≈ $C". */
    String describe(ReflectionSpec spec, long samples) {
        long calls = samples * 3;
        Agent agent = agents.stream().filter(a -> a.name().equals(spec.teacher())).findFirst().orElse(null);
        CostEstimate one = agent == null ? new CostEstimate(1, PROMPT_CHARS / 4, DEFAULT_OUTPUT_TOKENS, 0)
                : call(agent);
        return String.format(Locale.ROOT, "Estimate: ≈ %,d teacher calls (%,d samples × 3 reflections, at most %,d "
                + "with retries), ≈ %,d tokens, ≈ $%.4f at the teacher's prices", calls, samples, calls * 2,
                calls * one.tokens(), calls * one.cost());
    }

    private CostEstimate call(Agent agent) {
        Endpoint endpoint = endpointList.stream().filter(e -> agent.endpointId() != 0 ? e.id() == agent.endpointId()
                : e.group().equals(agent.endpointGroup())).findFirst().orElse(null);
        int output;
        try {
            output = ChatParametersJson.fromJson(agent.parametersJson()).maxTokens().orElse(DEFAULT_OUTPUT_TOKENS);
        } catch (RuntimeException e) {
            output = DEFAULT_OUTPUT_TOKENS;
        }
        return endpoint == null ? new CostEstimate(1, PROMPT_CHARS / 4, output, 0)
                : new CostEstimator().estimate(endpoint, 1, PROMPT_CHARS, output);
    }

    @Override
    String configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", dataset.get() == null ? "" : Long.toString(dataset.get().id()));
        root.put("teacher", teacher.get() == null ? "" : teacher.get());
        student.writeTo(root.putObject("student"));
        root.put("template", template.get()).put("variant", variant.get());
        FormNumbers.put(root, "maxLength", maxLength.get());
        if (topK.get() != null && !topK.get().isBlank()) {
            FormNumbers.put(root, "topK", topK.get());
        }
        FormNumbers.put(root, "seed", seed.get());
        if (budget.get() != null && !budget.get().isBlank()) {
            FormNumbers.put(root, "budget", budget.get());
        }
        FormNumbers.put(root, "concurrency", concurrency.get());
        root.put("keepQOnly", keepQOnly.get()).put("keepOriginal", keepOriginal.get())
                .put("referenceCompat", referenceCompat.get());
        return root.toString();
    }

    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** The project's agents with the role teacher. */
    public ObservableList<String> teachers() {
        return teachers;
    }

    public StringProperty teacherProperty() {
        return teacher;
    }

    /** The OpenAI-compatible endpoints the student may use, after "" (the model folder). */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    public ScorerChoice student() {
        return student;
    }

    /** The text field of a setting by its configuration field name. */
    public StringProperty field(String name) {
        return switch (name) {
            case "template" -> template;
            case "variant" -> variant;
            case "maxLength" -> maxLength;
            case "topK" -> topK;
            case "seed" -> seed;
            case "budget" -> budget;
            case "concurrency" -> concurrency;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }

    /** A flag by its configuration field name: keepQOnly, keepOriginal or referenceCompat. */
    public BooleanProperty flag(String name) {
        return switch (name) {
            case "keepQOnly" -> keepQOnly;
            case "keepOriginal" -> keepOriginal;
            case "referenceCompat" -> referenceCompat;
            default -> throw new IllegalArgumentException("no flag " + name);
        };
    }
}
