package dev.sift.ui.insights;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.StatFigure;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Insights section "Agreement": judge vs curator, algorithm vs curator and judge vs IFD, with a refresh. */
final class AgreementPane implements View {

    private final Subscriptions subscriptions = new Subscriptions();
    private final AgreementViewModel vm;
    private final HBox figures = new HBox(24);
    private final VBox root;

    AgreementPane(AgreementViewModel vm) {
        this.vm = vm;
        var title = new Label("Agreement");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var refresh = new Button("Refresh");
        refresh.setId("agreement-refresh");
        refresh.setOnAction(e -> vm.refresh());
        var header = new HBox(12, title, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("agreement-message");
        message.setWrapText(true);
        message.getStyleClass().add(SiftStyles.MUTED);
        var rules = new Label();
        rules.setWrapText(true);
        rules.getStyleClass().add(SiftStyles.MUTED);
        figures.setId("agreement-figures");
        root = new VBox(6, header, message, figures, rules);

        subscriptions.bind(message.textProperty(), vm.messageProperty());
        subscriptions.bind(message.visibleProperty(), Bindings.isNotEmpty(vm.messageProperty()));
        subscriptions.bind(message.managedProperty(), message.visibleProperty());
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

    @Override
    public void dispose() {
        subscriptions.dispose();
        vm.dispose();
    }
}
