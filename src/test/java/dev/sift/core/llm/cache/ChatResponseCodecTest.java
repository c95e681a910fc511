package dev.sift.core.llm.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatResponseCodecTest {

    @Test
    void aResponseComesBackExactlyEqual() {
        var tokens = List.of(
                new TokenLogprob("Hel", -0.1234567890123456789,
                        List.of(new TokenLogprob.Alternative("Hel", -0.1234567890123456789),
                                new TokenLogprob.Alternative("Hi", -2.5e-300))),
                new TokenLogprob("lo\n\"ü\" 🙂", Double.NEGATIVE_INFINITY, List.of()),
                new TokenLogprob("!", -0.0, List.of()));
        var response = new ChatResponse("qwen2.5-7b-instruct",
                List.of(new Choice("Hello \"world\"\n\t🙂", "stop", tokens), new Choice("", "", List.of())),
                new Usage(123_456_789_012L, 7));

        ChatResponse back = ChatResponseCodec.fromJson(ChatResponseCodec.toJson(response));

        assertThat(back).isEqualTo(response);
        assertThat(Double.doubleToRawLongBits(back.choices().get(0).logprobs().get(2).logprob()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(ChatResponseCodec.toJson(back)).isEqualTo(ChatResponseCodec.toJson(response));
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> ChatResponseCodec.fromJson("{\"choices\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatResponseCodec.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
