package dev.sift.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tag rules of ALGORITHMS.md §4.3, case by case. */
class ReflectionParserTest {

    @Test
    void readsTheNewInstructionAndAnswerBetweenTheirTags() {
        var r = ReflectionParser.instructionReflection("1. The instruction is vague.\n\n2. [New Instruction] Explain "
                + "tides in detail. [End]\n\n3. [New Answer] Tides come from the moon's pull.\nMore lines. [End]");

        assertThat(r.instruction()).contains("Explain tides in detail.");
        assertThat(r.answer()).contains("Tides come from the moon's pull.\nMore lines.");
        assertThat(r.failed()).isFalse();
    }

    @Test
    void theInstructionEndsAtTheNewAnswerTagWhenItHasNoEndTagAndLosesATrailingStepThree() {
        var r = ReflectionParser.instructionReflection("[New Instruction] Compare two sorts.\n\n3. [New Answer] "
                + "Merge sort is stable.");

        assertThat(r.instruction()).contains("Compare two sorts.");
        assertThat(r.answer()).as("the answer runs to the end of the text").contains("Merge sort is stable.");
    }

    @Test
    void acceptsTheColonFormsOfBothTags() {
        var r = ReflectionParser.instructionReflection("New Instruction: Name three rivers.\nNew Answer: Nile, "
                + "Amazon, Danube.");

        assertThat(r.instruction()).contains("Name three rivers.");
        assertThat(r.answer()).contains("Nile, Amazon, Danube.");
    }

    @Test
    void theFirstMatchWins() {
        var r = ReflectionParser.instructionReflection("[New Instruction] first [End] [New Instruction] second [End]"
                + " [New Answer] one [End] [New Answer] two [End]");

        assertThat(r.instruction()).contains("first");
        assertThat(r.answer()).contains("one");
    }

    @Test
    void anInstructionWithoutAnyTerminatorIsNotParsed() {
        var r = ReflectionParser.instructionReflection("[New Instruction] never closed");

        assertThat(r.instruction()).isEmpty();
        assertThat(r.answer()).isEmpty();
        assertThat(r.failed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"your instruction", "Your Instruction", "N/A", "n/a", "   "})
    void placeholdersNotApplicableAndBlanksAreNotUsable(String text) {
        var r = ReflectionParser.instructionReflection("[New Instruction] " + text + " [End] [New Answer] "
                + (text.contains("instruction") ? "your answer" : text) + " [End]");

        assertThat(r.instruction()).isEmpty();
        assertThat(r.answer()).isEmpty();
        assertThat(r.failed()).isTrue();
    }

    @Test
    void oneUsableFieldIsNotAFailure() {
        var r = ReflectionParser.instructionReflection("[New Instruction] A real question? [End] no answer tag");

        assertThat(r.instruction()).contains("A real question?");
        assertThat(r.answer()).isEmpty();
        assertThat(r.failed()).isFalse();
    }

    @Test
    void missingTagsGiveNothing() {
        assertThat(ReflectionParser.instructionReflection("I think the instruction is fine.").failed()).isTrue();
        assertThat(ReflectionParser.betterAnswer("The answer is fine as it is.")).isEmpty();
    }

    @Test
    void theBetterAnswerEndsAtTheEndTag() {
        assertThat(ReflectionParser.betterAnswer("1. Too short.\n2. [Better Answer] Paris is the capital of France."
                + " [End] trailing")).contains("Paris is the capital of France.");
    }

    @Test
    void withOneBetterAnswerTagABareEndOrTheEndOfTheTextAlsoEndsIt() {
        assertThat(ReflectionParser.betterAnswer("[Better Answer] A full answer.\nEnd")).contains("A full answer.");
        assertThat(ReflectionParser.betterAnswer("[Better Answer] Runs to the end.")).contains("Runs to the end.");
        assertThat(ReflectionParser.betterAnswer("[Better Answer] The Endgame opens.")).as("the reference's quirk: "
                + "any 'End' ends it").contains("The");
    }

    @Test
    void withTwoBetterAnswerTagsTheNextTagEndsTheFirstAndABareEndDoesNot() {
        assertThat(ReflectionParser.betterAnswer("[Better Answer] The Endgame opens with e4.\n[Better Answer] "
                + "second [End]")).contains("The Endgame opens with e4.");
        assertThat(ReflectionParser.betterAnswer("Format: [Better Answer] your answer [End]\n[Better Answer] real "
                + "[End]")).as("the first match is the placeholder, which is not usable").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"your answer", "N/A", ""})
    void aPlaceholderBetterAnswerIsNotUsable(String text) {
        assertThat(ReflectionParser.betterAnswer("[Better Answer] " + text + " [End]")).isEqualTo(Optional.empty());
    }
}
