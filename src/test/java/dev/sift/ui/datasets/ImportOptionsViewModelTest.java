package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.model.DatasetFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportOptionsViewModelTest {

    @Test
    void csvColumnsApplyToCsvFilesUntilAnotherFormatIsChosen() {
        var vm = new ImportOptionsViewModel(List.of(Path.of("data/train.csv")));
        assertThat(vm.csvProperty().get()).isTrue();

        vm.formatProperty().set(new FormatChoice(Optional.of(DatasetFormat.ALPACA_JSONL)));

        assertThat(vm.csvProperty().get()).isFalse();
    }

    @Test
    void buildsARequestWithTheChosenNameFormatAndColumns() {
        var vm = new ImportOptionsViewModel(List.of(Path.of("train.csv")));
        vm.nameProperty().set("  train set ");
        vm.instructionColumnProperty().set("question");
        vm.outputColumnProperty().set("answer");

        ImportRequest request = vm.requests().get(0);

        assertThat(request.datasetName()).contains("train set");
        assertThat(request.format()).isEmpty();
        assertThat(request.csvMapping().instruction()).isEqualTo("question");
        assertThat(request.csvMapping().output()).isEqualTo("answer");
    }

    @Test
    void aCsvImportNeedsAnInstructionColumnAndANameForOneFile() {
        var vm = new ImportOptionsViewModel(List.of(Path.of("train.csv")));
        assertThat(vm.validProperty().get()).isTrue();

        vm.instructionColumnProperty().set(" ");
        assertThat(vm.validProperty().get()).isFalse();

        vm.instructionColumnProperty().set("q");
        vm.nameProperty().set("");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void severalFilesAreNamedAfterThemselves() {
        var vm = new ImportOptionsViewModel(List.of(Path.of("a.jsonl"), Path.of("b.jsonl")));

        assertThat(vm.isSingleFile()).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.requests()).hasSize(2).allSatisfy(r -> assertThat(r.datasetName()).isEmpty());
    }
}
