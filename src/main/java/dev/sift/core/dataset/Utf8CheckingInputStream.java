package dev.sift.core.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking that they are well-formed UTF-8, counting lines, so that a
 * bad byte is reported at its own line even though readers decode ahead in large chunks. Checks the
 * byte structure only (lead and continuation bytes); the decoder behind it catches the rest.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    /** Bytes that are not UTF-8, with the 1-based line they are on. */
    static final class InvalidUtf8Exception extends IOException {
        private final int line;

        InvalidUtf8Exception(int line, int value) {
            super(String.format("byte 0x%02X", value));
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private int line = 1;
    private int pending;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        for (int i = off; i < off + n; i++) {
            check(buffer[i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must pass the check
    }

    private void check(int b) throws InvalidUtf8Exception {
        if (pending > 0) {
            if ((b & 0xC0) != 0x80) {
                throw new InvalidUtf8Exception(line, b);
            }
            pending--;
        } else if (b < 0x80) {
            if (b == '\n') {
                line++;
            }
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
        } else {
            throw new InvalidUtf8Exception(line, b);
        }
    }
}
