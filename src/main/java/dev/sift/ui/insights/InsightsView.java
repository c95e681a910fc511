package dev.sift.ui.insights;

import dev.sift.core.store.ScoreGroup;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.UiServices;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Insights screen: for the selected dataset, scoring, selection and brief-experience launchers, its IFD score group and variant,
 * summary figures, the IFD histogram and scatter, agreement rates, the agent-pair weights of its
 * Star-Agents runs, and the skills and refinement depth of its AgentInstruct pairs. Other charts are announced, not
 * faked.
 */
public final class InsightsView extends SubscribedView {

    static final String LATER = "Judge score distributions arrive with the feature that records them.";

    private final InsightsViewModel vm;
    private final IfdLaunchViewModel launch;
    private final BriefExperienceViewModel brief;
    private final HBox figures = new HBox(24);
    private final ToggleGroup variants = new ToggleGroup();
    private final VBox root;

    public InsightsView(WorkspaceState workspace, UiServices services) {
        this(new InsightsViewModel(workspace, services.jobs()), workspace, services);
    }

    private InsightsView(InsightsViewModel vm, WorkspaceState workspace, UiServices services) {
        this.vm = vm;
        this.launch = new IfdLaunchViewModel(workspace, services.jobs(), services.dialogs(), vm, services.llm());
        this.brief = new BriefExperienceViewModel(workspace, services.jobs(), services.dialogs(), services.embedder(),
                services.version());
        subscriptions.onDispose(vm::dispose); // released last: first the bindings, then the view models
        subscriptions.onDispose(brief::dispose);
        subscriptions.onDispose(launch::dispose);
        var title = new Label("IFD scores");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var groups = new ComboBox<>(vm.groups());
        groups.setId("ifd-group");
        groups.setPromptText("no scores");
        groups.setConverter(new GroupNames());
        var toolbar = new HBox(12, title, groups, variantToggle(IfdVariant.LOSS), variantToggle(IfdVariant.PPL));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(SiftStyles.TOOLBAR);
        var message = SectionParts.message("insights-message", vm.messageProperty(), subscriptions);
        var pointsNote = new Label();
        pointsNote.getStyleClass().add(SiftStyles.MUTED);
        var charts = new IfdChartsPane(vm);
        var launcher = new IfdLaunchPane(launch);
        var briefPane = new BriefExperiencePane(brief);
        var agreement = new AgreementPane(new AgreementViewModel(workspace, services.jobs()));
        var weights = new AgentWeightsPane(new AgentWeightsViewModel(workspace, services.jobs()));
        var branches = new ReflectionBranchesPane(new ReflectionBranchesViewModel(workspace, services.jobs()));
        var instruct = new InstructMixPane(new InstructMixViewModel(workspace, services.jobs()));
        var later = new Label(LATER);
        later.setWrapText(true);
        later.getStyleClass().add(SiftStyles.MUTED);
        root = new VBox(10, toolbar, launcher.node(), briefPane.node(), message, figures, charts.node(), pointsNote,
                agreement.node(), weights.node(), branches.node(), instruct.node(), later);
        root.getStyleClass().add(SiftStyles.INSIGHTS);

        subscriptions.onDispose(charts::dispose);
        subscriptions.onDispose(launcher::dispose);
        subscriptions.onDispose(briefPane::dispose);
        subscriptions.onDispose(agreement::dispose);
        subscriptions.onDispose(weights::dispose);
        subscriptions.onDispose(branches::dispose);
        subscriptions.onDispose(instruct::dispose);
        subscriptions.bindBidirectional(groups.valueProperty(), vm.groupProperty());
        subscriptions.bind(pointsNote.textProperty(), vm.pointsNoteProperty());
        subscriptions.listen(vm.figures(), change -> showFigures());
        subscriptions.listen(vm.variantProperty(), (obs, old, variant) -> selectToggle(variant));
        subscriptions.listen(variants.selectedToggleProperty(), (obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                vm.variantProperty().set((IfdVariant) toggle.getUserData());
            }
        });
        selectToggle(vm.variantProperty().get());
        showFigures();
    }

    private ToggleButton variantToggle(IfdVariant variant) {
        var toggle = new ToggleButton(variant.label());
        toggle.setId("variant-" + variant.name().toLowerCase(java.util.Locale.ROOT));
        toggle.setUserData(variant);
        toggle.setToggleGroup(variants);
        return toggle;
    }

    private void selectToggle(IfdVariant variant) {
        variants.getToggles().stream().filter(t -> t.getUserData() == variant).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    private void showFigures() {
        SectionParts.showFigures(figures, vm.figures());
    }

    @Override
    public Node node() {
        return root;
    }

    /** "scorer · settings (count)" for the group chooser. */
    private static final class GroupNames extends StringConverter<ScoreGroup> {
        @Override
        public String toString(ScoreGroup group) {
            return group == null ? "" : group.scorer() + " · " + group.template() + " (" + group.count() + ")";
        }

        @Override
        public ScoreGroup fromString(String text) {
            return null;
        }
    }
}
