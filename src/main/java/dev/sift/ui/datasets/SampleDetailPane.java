package dev.sift.ui.datasets;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The selected sample in full: its fields, or every turn of a conversation. */
final class SampleDetailPane extends SubscribedView {

    private final VBox content = new VBox(6);
    private final ScrollPane root = new ScrollPane(content);

    SampleDetailPane(SamplesViewModel vm) {
        root.setFitToWidth(true);
        root.setId("sample-detail");
        content.getStyleClass().add(SiftStyles.CARD);
        subscriptions.listen(vm.detailProperty(), (obs, old, detail) -> show(detail));
        show(vm.detailProperty().get());
    }

    private void show(SampleDetail detail) {
        content.getChildren().clear();
        if (detail == null) {
            var hint = new Label("Select a sample to read it in full.");
            hint.getStyleClass().add(SiftStyles.MUTED);
            content.getChildren().add(hint);
            return;
        }
        var heading = new Label(detail.heading());
        heading.getStyleClass().add(SiftStyles.SECTION_TITLE);
        content.getChildren().add(heading);
        for (SampleDetail.Section section : detail.sections()) {
            var role = new Label(section.label());
            role.getStyleClass().add(SiftStyles.TURN_ROLE);
            var text = new Label(section.text().isEmpty() ? "(empty)" : section.text());
            text.setWrapText(true);
            text.getStyleClass().add(SiftStyles.DETAIL_TEXT);
            content.getChildren().addAll(role, text);
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
