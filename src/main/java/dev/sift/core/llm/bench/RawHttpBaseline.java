package dev.sift.core.llm.bench;

import dev.sift.core.job.JobContext;
import dev.sift.core.job.Parallel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The least a client can do for the same calls: one kept-alive socket per worker thread, a request
 * written from prepared bytes, the answer read up to its {@code Content-Length} and not parsed. Run
 * against the same server at the same concurrency just before the real stack, it shows how close
 * this machine and this server let any client come to the limit, so the real stack's ratio can be
 * read against it. Plain {@code http} only; not thread-safe (one level at a time).
 */
final class RawHttpBaseline {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    private final byte[] requestBytes;
    private final int readTimeoutMillis;

    private RawHttpBaseline(String host, int port, byte[] requestBytes, int readTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.requestBytes = requestBytes;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** A baseline for {@code baseUrl}, or empty when it is not plain http. */
    static Optional<RawHttpBaseline> forUrl(String baseUrl, String jsonBody, int readTimeoutMillis) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return Optional.empty();
        }
        String path = (uri.getRawPath() == null ? "" : uri.getRawPath()).replaceAll("/+$", "") + "/chat/completions";
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return Optional.of(new RawHttpBaseline(uri.getHost(), port, request, readTimeoutMillis));
    }

    /** Makes {@code n} calls with {@code c} in flight and measures them. */
    FanOutReport.Baseline run(int c, int n, JobContext context, ProcessCpu cpu) throws Exception {
        List<Integer> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(i);
        }
        var open = new ConcurrentLinkedQueue<Connection>();
        ThreadLocal<Connection> perThread = new ThreadLocal<>();
        var failures = new AtomicInteger();
        var firstFailure = new AtomicReference<String>();
        long cpuBefore = cpu.nanos();
        long start = System.nanoTime();
        try {
            Parallel.forEach(calls, c, context, call -> {
                Connection connection = perThread.get();
                try {
                    if (connection == null) {
                        connection = new Connection(connect());
                        open.add(connection);
                        perThread.set(connection);
                    }
                    connection.exchange(requestBytes);
                } catch (IOException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, "baseline: " + e.getMessage());
                    if (connection != null) {
                        connection.close();
                        perThread.remove();
                    }
                }
            });
        } finally {
            open.forEach(Connection::close);
        }
        long wall = System.nanoTime() - start;
        return new FanOutReport.Baseline(n, failures.get(), wall, cpu.nanos() - cpuBefore,
                Optional.ofNullable(firstFailure.get()));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    /** One kept-alive connection, used by one thread at a time. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[8192];

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        void exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String head = readHead();
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IOException("answered " + head.lines().findFirst().orElse(""));
            }
            long length = contentLength(head);
            while (length > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, length));
                if (read < 0) {
                    throw new IOException("connection closed in the body");
                }
                length -= read;
            }
        }

        private String readHead() throws IOException {
            var head = new StringBuilder(256);
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before the answer");
                }
                head.append((char) b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString();
        }

        private static long contentLength(String head) throws IOException {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                    return Long.parseLong(line.substring(colon + 1).trim());
                }
            }
            throw new IOException("answer without Content-Length");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a benchmark connection; nothing to do
            }
        }
    }
}
