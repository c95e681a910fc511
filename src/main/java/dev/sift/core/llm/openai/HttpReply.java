package dev.sift.core.llm.openai;

import okhttp3.Headers;

/** A complete HTTP answer, read into memory. */
record HttpReply(int code, Headers headers, String body) {

    boolean isSuccessful() {
        return code >= 200 && code < 300;
    }
}
