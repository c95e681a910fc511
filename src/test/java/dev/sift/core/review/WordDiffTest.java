package dev.sift.core.review;

import static dev.sift.core.review.DiffSegment.added;
import static dev.sift.core.review.DiffSegment.removed;
import static dev.sift.core.review.DiffSegment.same;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.review.DiffSegment.Kind;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void tokensAreWordRunsWhitespaceRunsAndSinglePunctuation() {
        assertThat(WordDiff.tokens("Hello,  wörld_1!?\n\tok"))
                .containsExactly("Hello", ",", "  ", "wörld_1", "!", "?", "\n\t", "ok");
    }

    @Test
    void anInsertedWordIsAdded() {
        assertThat(WordDiff.diff("the cat sat", "the black cat sat"))
                .containsExactly(same("the "), added("black "), same("cat sat"));
    }

    @Test
    void aDeletedWordIsRemoved() {
        assertThat(WordDiff.diff("the black cat sat", "the cat sat"))
                .containsExactly(same("the "), removed("black "), same("cat sat"));
    }

    @Test
    void aReplacedWordIsRemovedThenAdded() {
        assertThat(WordDiff.diff("the cat sat.", "the dog sat."))
                .containsExactly(same("the "), removed("cat"), added("dog"), same(" sat."));
    }

    @Test
    void whitespaceBetweenTwoChangesIsFoldedIntoOneReplacement() {
        assertThat(WordDiff.diff("the cat sat", "a dog sat"))
                .containsExactly(removed("the cat"), added("a dog"), same(" sat"));
    }

    @Test
    void aShortSharedWordInsideARewriteIsFoldedIntoIt() {
        assertThat(WordDiff.diff("Clouds form when vapour cools.", "Drops of rain form slowly."))
                .containsExactly(removed("Clouds form when vapour cools"), added("Drops of rain form slowly"),
                        same("."));
    }

    @Test
    void aSharedPhraseLongerThanTheChangesStays() {
        assertThat(WordDiff.diff("A cat sat on the warm mat.", "A dog sat on the warm mat."))
                .containsExactly(same("A "), removed("cat"), added("dog"), same(" sat on the warm mat."));
    }

    @Test
    void punctuationChangesAloneAreMarked() {
        assertThat(WordDiff.diff("Yes, it is.", "Yes; it is!"))
                .containsExactly(same("Yes"), removed(","), added(";"), same(" it is"), removed("."), added("!"));
    }

    @Test
    void identicalTextsAreOneSameSegment() {
        assertThat(WordDiff.diff("same words here", "same words here")).containsExactly(same("same words here"));
    }

    @Test
    void emptySidesAreAllAddedOrAllRemoved() {
        assertThat(WordDiff.diff("", "")).isEmpty();
        assertThat(WordDiff.diff("", "new text")).containsExactly(added("new text"));
        assertThat(WordDiff.diff("old text", "")).containsExactly(removed("old text"));
    }

    @Test
    void unicodeWordsAndEmojiAreKeptWhole() {
        assertThat(WordDiff.diff("naïve café 😀 ok", "naïve cafés 😀 ok"))
                .containsExactly(same("naïve "), removed("café"), added("cafés"), same(" 😀 ok"));
        assertThat(WordDiff.diff("日本 語", "日本 话"))
                .containsExactly(same("日本 "), removed("語"), added("话"));
    }

    @Test
    void aFiveThousandWordRewriteReconstructsBothSides() {
        var random = new Random(7);
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "rain", "sun", "the", "of", "and", "code", ",", "."};
        var original = new StringBuilder();
        var revised = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            String word = vocabulary[random.nextInt(vocabulary.length)];
            original.append(word).append(i % 17 == 0 ? "\n" : " ");
            int roll = random.nextInt(10);
            if (roll == 0) {
                revised.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            } else if (roll == 1) {
                revised.append(word).append(" extra ");
            } else if (roll != 2) {
                revised.append(word).append(i % 17 == 0 ? "\n" : " ");
            }
        }

        List<DiffSegment> diff = WordDiff.diff(original.toString(), revised.toString());

        assertThat(join(diff, Kind.REMOVED)).isEqualTo(original.toString());
        assertThat(join(diff, Kind.ADDED)).isEqualTo(revised.toString());
        assertThat(diff).filteredOn(s -> s.kind() == Kind.SAME).hasSizeGreaterThan(100);
        for (int i = 1; i < diff.size(); i++) {
            assertThat(diff.get(i).kind()).isNotEqualTo(diff.get(i - 1).kind());
        }
    }

    @Test
    void twoUnrelatedLongTextsReconstructBothSidesAsAReplacement() {
        var random = new Random(11);
        String original = randomText(random, 3_000);
        String revised = randomText(random, 3_000);

        List<DiffSegment> diff = WordDiff.diff(original, revised);

        assertThat(join(diff, Kind.REMOVED)).isEqualTo(original);
        assertThat(join(diff, Kind.ADDED)).isEqualTo(revised);
        assertThat(diff).extracting(DiffSegment::kind).containsExactly(Kind.REMOVED, Kind.ADDED, Kind.SAME);
    }

    private static String randomText(Random random, int words) {
        var text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append("w").append(random.nextInt(50)).append(random.nextInt(6) == 0 ? ". " : " ");
        }
        return text.toString();
    }

    private static String join(List<DiffSegment> diff, Kind side) {
        return diff.stream().filter(s -> s.kind() == Kind.SAME || s.kind() == side).map(DiffSegment::text)
                .collect(Collectors.joining());
    }
}
