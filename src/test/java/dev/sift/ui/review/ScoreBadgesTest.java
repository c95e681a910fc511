package dev.sift.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.Score;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoreBadgesTest {

    static Score score(String metric, double value, String details) {
        return new Score(1, 2, 3, metric, value, "tiny", "none/response_only/concatenate/64", 64, details,
                Instant.EPOCH);
    }

    @Test
    void anIfdBadgeShowsItsPplAndAnRifdBadgeItsOwnPpl() {
        assertThat(ScoreBadges.text(score("ifd", 0.391304, "{\"ifd_ppl\":0.496585}"))).isEqualTo("ifd 0.391 · ppl 0.497");
        assertThat(ScoreBadges.text(score("rifd", 0.4, "{\"rifd_ppl\":0.301194,\"ifd_ppl\":9}")))
                .isEqualTo("rifd 0.400 · ppl 0.301");
        assertThat(ScoreBadges.text(score("judge", 8, ""))).isEqualTo("judge 8.000");
    }
}
