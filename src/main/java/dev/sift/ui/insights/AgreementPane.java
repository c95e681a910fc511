package dev.sift.ui.insights;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.StatFigure;
import dev.sift.ui.common.SubscribedView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Insights section "Agreement": judge vs curator, algorithm vs curator and judge vs IFD, with a refresh. */
final class AgreementPane extends SubscribedView {

    private final AgreementViewModel vm;
    private final HBox figures = new HBox(24);
    private final VBox root;

    AgreementPane(AgreementViewModel vm) {
        this.vm = vm;
        subscriptions.onDispose(vm::dispose); // the first registered, so the last released
        var header = SectionParts.header("Agreement", SectionParts.refresh("agreement-refresh", vm::refresh));
        var message = SectionParts.message("agreement-message", vm.messageProperty(), subscriptions);
        message.setWrapText(true);
        var rules = new Label();
        rules.setWrapText(true);
        rules.getStyleClass().add(SiftStyles.MUTED);
        figures.setId("agreement-figures");
        root = new VBox(6, header, message, figures, rules);

        subscriptions.bind(rules.textProperty(), vm.rulesProperty());
        subscriptions.listen(vm.rates(), change -> showRates());
        showRates();
    }

    private void showRates() {
        figures.getChildren().clear();
        for (AgreementViewModel.AgreementRate rate : vm.rates()) {
            figures.getChildren().add(StatFigure.of(rate.text(), rate.label()));
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
