package dev.sift.ui.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Endpoint;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New Star-Agents run" form: dataset, agent pairs (each may be response-only), the small and large scorers,
 * the judge, and the recipe's numbers, as text the user types. {@link #spec()} builds the run's configuration the way
 * a {@code --config} file is read, so a problem is reported in the words of {@link StarAgentsSpec}'s validation,
 * naming the field; {@link #estimateProperty()} tells the expected calls, tokens and cost. Holds no JavaFX nodes.
 */
public final class StarAgentsFormViewModel extends RecipeFormViewModel<StarAgentsSpec> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObservableList<Dataset> datasets;
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObservableList<PairChoice> pairs = FXCollections.observableArrayList(
            p -> new Observable[] {p.selectedProperty(), p.responseOnlyProperty()});
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    private final ObservableList<String> judges = FXCollections.observableArrayList();
    private final StringProperty judge = new SimpleStringProperty("");
    private final ScorerChoice small = new ScorerChoice();
    private final ScorerChoice large = new ScorerChoice();
    private final StringProperty k = new SimpleStringProperty("3");
    private final StringProperty batchSize = new SimpleStringProperty("8");
    private final StringProperty rounds = new SimpleStringProperty("0");
    private final StringProperty alpha = new SimpleStringProperty("0.5");
    private final StringProperty tauGap = new SimpleStringProperty("0.3");
    private final StringProperty beta = new SimpleStringProperty("0.1");
    private final StringProperty pMin = new SimpleStringProperty("0.01");
    private final StringProperty ifdMax = new SimpleStringProperty("1.0");
    private final StringProperty seed = new SimpleStringProperty("0");
    private final StringProperty budget = new SimpleStringProperty("");
    private Map<Long, Agent> agents = Map.of();
    private Map<String, AgentPair> pairsByName = Map.of();
    private Map<Long, Endpoint> endpointsById = Map.of();

    /** @param datasets the project's datasets (the workspace's list) */
    public StarAgentsFormViewModel(ObservableList<Dataset> datasets) {
        this.datasets = datasets;
        validateOnChange(List.of(dataset, pairs, judge, k, batchSize, rounds, alpha, tauGap, beta, pMin, ifdMax, seed,
            budget, small.folderProperty(), small.endpointProperty(), small.modelProperty(), large.folderProperty(),
            large.endpointProperty(), large.modelProperty()));
        dataset.set(datasets.isEmpty() ? null : datasets.get(0));
        validate();
    }

    /**
     * Fills the choices from the project: its agent pairs, OpenAI-compatible endpoints and agents (as judges). These are
     * a few short rows, read on the calling thread; a failure to read them is shown as the form's problem.
     */
    public void load(ProjectStore store) {
        try {
            read(store);
        } catch (Exception e) {
            showProblem("Cannot read the project's agents: " + e.getMessage());
        }
    }

    private void read(ProjectStore store) throws Exception {
        List<Agent> agentList = store.agents().list();
        List<Endpoint> endpointList = store.endpoints().list();
        agents = agentList.stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        endpointsById = endpointList.stream().collect(Collectors.toMap(Endpoint::id, Function.identity()));
        List<AgentPair> pairList = store.agents().listPairs();
        pairsByName = pairList.stream().collect(Collectors.toMap(AgentPair::name, Function.identity()));
        List<PairChoice> choices = new ArrayList<>();
        for (AgentPair p : pairList) {
            choices.add(new PairChoice(p.name(), agentName(p.instructionAgentId()) + " → "
                    + agentName(p.responseAgentId())));
        }
        pairs.setAll(choices);
        endpoints.setAll(openAiEndpointNames(endpointList));
        judges.setAll(withNone(agentList.stream().map(Agent::name)));
        validate();
    }

    private String agentName(long id) {
        Agent a = agents.get(id);
        return a == null ? "?" : a.name();
    }

    /** Asks for a scorer's model folder. */
    public void chooseFolder(ScorerChoice scorer, DialogService dialogs) {
        dialogs.chooseFolder("Model folder of the scorer").ifPresent(p -> {
            scorer.endpointProperty().set("");
            scorer.folderProperty().set(p.toString());
        });
    }

    @Override
    StarAgentsSpec parse(String json) {
        return StarAgentsSpec.fromJson(json, SOURCE);
    }

    @Override
    Optional<String> missingInput() {
        return dataset.get() == null ? Optional.of("field 'dataset' must name the seed dataset") : Optional.empty();
    }

    @Override
    String estimate(StarAgentsSpec spec) {
        return new StarAgentsEstimate(agents, pairsByName, endpointsById).describe(spec, dataset.get().samples());
    }

    @Override
    String configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", dataset.get() == null ? "" : Long.toString(dataset.get().id()));
        var names = root.putArray("pairs");
        var only = root.putArray("responseOnly");
        for (PairChoice p : pairs) {
            if (p.selectedProperty().get()) {
                names.add(p.name());
                if (p.responseOnlyProperty().get()) {
                    only.add(p.name());
                }
            }
        }
        number(root, "k", k);
        number(root, "batchSize", batchSize);
        number(root, "rounds", rounds);
        number(root, "alpha", alpha);
        number(root, "tauGap", tauGap);
        number(root, "beta", beta);
        number(root, "pMin", pMin);
        number(root, "ifdMax", ifdMax);
        number(root, "seed", seed);
        if (budget.get() != null && !budget.get().isBlank()) {
            number(root, "budget", budget);
        }
        small.writeTo(root.putObject("smallScorer"));
        large.writeTo(root.putObject("largeScorer"));
        if (judge.get() != null && !judge.get().isBlank()) {
            root.put("judge", judge.get());
        }
        return root.toString();
    }

    private static void number(ObjectNode root, String field, StringProperty text) {
        FormNumbers.put(root, field, text.get());
    }

    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ObservableList<PairChoice> pairs() {
        return pairs;
    }

    /** The OpenAI-compatible endpoints a scorer may use, after "" (the model folder). */
    public ObservableList<String> endpoints() {
        return endpoints;
    }

    /** The agents that may judge, after "" (no judge). */
    public ObservableList<String> judges() {
        return judges;
    }

    public StringProperty judgeProperty() {
        return judge;
    }

    public ScorerChoice small() {
        return small;
    }

    public ScorerChoice large() {
        return large;
    }

    /** The text field of a number by its configuration field name (k, batchSize, rounds, alpha, …, budget). */
    public StringProperty field(String name) {
        return switch (name) {
            case "k" -> k;
            case "batchSize" -> batchSize;
            case "rounds" -> rounds;
            case "alpha" -> alpha;
            case "tauGap" -> tauGap;
            case "beta" -> beta;
            case "pMin" -> pMin;
            case "ifdMax" -> ifdMax;
            case "seed" -> seed;
            case "budget" -> budget;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }
}
