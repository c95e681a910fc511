package dev.sift.core.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static SseReader reader(String body) {
        return new SseReader(new Buffer().writeUtf8(body));
    }

    @Test
    void joinsMultiLineDataAndKeepsEventNames() throws IOException {
        SseReader reader = reader("event: error\r\ndata: {\"a\":\r\ndata: 1}\r\nid: 7\r\n\r\n: comment\n\ndata:x\n\n");

        assertThat(reader.next()).isEqualTo(new SseEvent("error", "{\"a\":\n1}"));
        assertThat(reader.next()).isEqualTo(new SseEvent("message", "x"));
        assertThat(reader.next()).isNull();
    }

    @Test
    void deliversAnEventLeftPendingAtTheEndAndBareErrorLines() throws IOException {
        SseReader reader = reader("error: {\"message\":\"boom\"}\ndata: [DONE]");

        assertThat(reader.next()).isEqualTo(new SseEvent("error", "{\"message\":\"boom\"}"));
        SseEvent done = reader.next();
        assertThat(done.isDone()).isTrue();
        assertThat(reader.next()).isNull();
    }
}
