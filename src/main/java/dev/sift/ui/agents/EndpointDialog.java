package dev.sift.ui.agents;

import dev.sift.ui.common.DisplayConverter;
import dev.sift.core.model.EndpointKind;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The endpoint form as a dialog. The key is typed into a password field and goes to the credentials
 * file; the dialog only ever shows a stored key masked.
 */
final class EndpointDialog {

    private final EndpointFormViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final FormDialog dialog;
    private final GridPane grid = new GridPane();
    private int row;

    EndpointDialog(Window owner, EndpointFormViewModel vm) {
        this.vm = vm;
        grid.setHgap(10);
        grid.setVgap(8);
        add("Name", field("endpoint-name", "Endpoint name", vm.nameProperty(), "e.g. local-vllm"));
        var kind = new ComboBox<EndpointKind>();
        kind.setId("endpoint-kind");
        kind.setAccessibleText("How the endpoint serves models");
        kind.getItems().setAll(EndpointKind.values());
        kind.setConverter(DisplayConverter.of(k -> k == EndpointKind.OPENAI ? "OpenAI-compatible server" : "In-process ONNX model"));
        subscriptions.bindBidirectional(kind.valueProperty(), vm.kindProperty());
        add("Kind", kind);
        var url = field("endpoint-url", "Base URL", vm.baseUrlProperty(), "http://127.0.0.1:8000/v1");
        subscriptions.bind(url.disableProperty(), Bindings.notEqual(EndpointKind.OPENAI, vm.kindProperty()));
        add("Base URL", url);
        var dir = field("endpoint-model-dir", "ONNX model folder", vm.modelDirProperty(), "folder with model.onnx");
        subscriptions.bind(dir.disableProperty(), Bindings.notEqual(EndpointKind.LOCAL, vm.kindProperty()));
        add("Model folder", dir);
        var template = new ComboBox<EndpointTemplateViewModel.Option>(vm.chatTemplate().options());
        template.setId("endpoint-template");
        template.setAccessibleText("Chat template the in-process model renders prompts with");
        template.setConverter(DisplayConverter.of(EndpointTemplateViewModel.Option::label));
        subscriptions.bindBidirectional(template.valueProperty(), vm.chatTemplate().selectedProperty());
        subscriptions.bind(template.disableProperty(), Bindings.notEqual(EndpointKind.LOCAL, vm.kindProperty()));
        add("Chat template", template);
        addKeyFields();
        add("Max concurrency", field("endpoint-concurrency", "Requests in flight at once", vm.maxConcurrencyProperty(), ""));
        add("Requests / min", field("endpoint-rpm", "Requests per minute", vm.requestsPerMinuteProperty(), "no limit"));
        add("Tokens / min", field("endpoint-tpm", "Tokens per minute", vm.tokensPerMinuteProperty(), "no limit"));
        add("Price in / M", field("endpoint-price-in", "Price per million input tokens", vm.priceInProperty(), "0"));
        add("Price out / M", field("endpoint-price-out", "Price per million output tokens", vm.priceOutProperty(), "0"));
        add("Group", field("endpoint-group", "Endpoint group", vm.groupProperty(), "none; endpoints of a group share load"));
        dialog = new FormDialog(owner, vm.title(), "endpoint", grid, vm.errorProperty(), vm::save, subscriptions);
    }

    private void addKeyFields() {
        var source = new ComboBox<KeySource>();
        source.setId("endpoint-key-source");
        source.setAccessibleText("Where the API key comes from");
        source.getItems().setAll(KeySource.values());
        subscriptions.bindBidirectional(source.valueProperty(), vm.apiKey().keySourceProperty());
        add("API key", source);
        var env = field("endpoint-env", "Environment variable holding the key", vm.apiKey().envVariableProperty(), "OPENAI_API_KEY");
        subscriptions.bind(env.disableProperty(), Bindings.notEqual(KeySource.ENVIRONMENT, vm.apiKey().keySourceProperty()));
        add("Variable", env);
        var credentialsOff = Bindings.notEqual(KeySource.CREDENTIALS, vm.apiKey().keySourceProperty());
        var entry = field("endpoint-cred-name", "Name of the credentials entry", vm.apiKey().credentialNameProperty(), "");
        subscriptions.bind(entry.promptTextProperty(), Bindings.createStringBinding(vm.apiKey()::effectiveCredentialName,
                vm.nameProperty()));
        subscriptions.bind(entry.disableProperty(), credentialsOff);
        add("Entry name", entry);
        var key = new PasswordField();
        key.setId("endpoint-key");
        key.setAccessibleText("API key, stored in your credentials file and never in the project");
        key.setPromptText("stored in your credentials file, never in the project");
        key.setPrefColumnCount(28);
        subscriptions.bindBidirectional(key.textProperty(), vm.apiKey().keyProperty());
        subscriptions.bind(key.disableProperty(), credentialsOff);
        add("Key", key);
        var stored = new Label();
        stored.setId("endpoint-stored-key");
        stored.setWrapText(true);
        stored.setMaxWidth(420);
        stored.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(stored.textProperty(), vm.apiKey().storedKeyProperty());
        grid.add(stored, 1, row++);
    }

    private TextField field(String id, String accessibleText, StringProperty property, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        subscriptions.bindBidirectional(field.textProperty(), property);
        return field;
    }

    private void add(String label, javafx.scene.Node field) {
        var text = new Label(label);
        text.setLabelFor(field);
        grid.addRow(row++, text, field);
    }

    /** Shows the form and waits; releases its bindings and the form's afterwards. */
    void showAndWait() {
        try {
            dialog.showAndWait();
        } finally {
            subscriptions.dispose();
            vm.dispose();
        }
    }
}
