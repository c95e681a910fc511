package dev.sift.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewFilterParserTest {

    @Test
    void readsEveryKindOfCondition() {
        ReviewFilter f = ReviewFilterParser.parse(
                "ifd>=0.5, ifd<1, judge>7, state=undecided|chosen, by=algorithm, origin=generated|dataset, pair=3|4,"
                        + " run=12, disagree=algorithm, disagree=judge, note, text=rain haiku");

        assertThat(f.ranges()).containsExactly(new ScoreRange("ifd", 0.5, true, 1, false),
                new ScoreRange("judge", 7, false, Double.POSITIVE_INFINITY, true));
        assertThat(f.states()).containsExactlyInAnyOrder(ReviewState.UNDECIDED, ReviewState.CHOSEN);
        assertThat(f.makers()).containsExactly(ReviewRows.Maker.ALGORITHM);
        assertThat(f.origins()).containsExactlyInAnyOrder(CandidateOrigin.GENERATED, CandidateOrigin.DATASET);
        assertThat(f.pairIds()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(f.runId()).isEqualTo(12);
        assertThat(f.algorithmDisagrees()).isTrue();
        assertThat(f.judgeDisagrees()).isTrue();
        assertThat(f.withNote()).isTrue();
        assertThat(f.text()).isEqualTo("rain haiku");
    }

    @Test
    void anExpressionReadsBackToTheSameFilter() {
        ReviewFilter f = ReviewFilter.all().withRanges(java.util.List.of(ScoreRange.between("ifd", 0.25, 0.9),
                        ScoreRange.below("judge", 5)))
                .withStates(Set.of(ReviewState.REJECTED)).withMakers(Set.of(ReviewRows.Maker.CURATOR))
                .withOrigins(Set.of(CandidateOrigin.CURATOR)).withPairs(Set.of(7L)).withRun(2)
                .withDisagreements(true, false).withNote(true).withText("volcano");

        assertThat(f.expression()).isEqualTo("ifd>=0.25,ifd<=0.9,judge<5,state=rejected,by=curator,pair=7,"
                + "origin=curator,run=2,disagree=algorithm,note,text=volcano");
        assertThat(ReviewFilterParser.parse(f.expression())).isEqualTo(f);
        assertThat(ReviewFilterParser.parse("")).isEqualTo(ReviewFilter.all());
        assertThat(ReviewFilter.all().isEmpty()).isTrue();
    }

    @Test
    void aBadConditionIsNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> ReviewFilterParser.parse("ifd<1,state=maybe"))
                .hasMessage("Cannot read the filter condition 'state=maybe': expected undecided, chosen, edited or"
                        + " rejected");
        assertThatThrownBy(() -> ReviewFilterParser.parse("ifd~1"))
                .hasMessageStartingWith("Cannot read the filter condition 'ifd~1': expected a score range such as");
        assertThatThrownBy(() -> ReviewFilterParser.parse("ifd>2,ifd<1"))
                .hasMessage("Cannot read the filter condition 'ifd<1': expected a range that overlaps the other"
                        + " conditions on ifd");
        assertThatThrownBy(() -> ReviewFilterParser.parse("pair=x")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> ReviewFilterParser.parse("disagree=everyone")).hasMessageContaining("disagree=judge");
    }
}
