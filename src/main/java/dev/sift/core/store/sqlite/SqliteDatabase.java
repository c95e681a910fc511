package dev.sift.core.store.sqlite;

import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Connections to one project file: a single writer connection used only on the writer thread, so
 * that writes never contend, and one read connection per reading thread (WAL lets them read while
 * the writer writes).
 */
final class SqliteDatabase implements AutoCloseable {

    private final Path file;
    private final String url;
    private final ExecutorService writer;
    private final Connection writeConnection;
    private final ThreadLocal<Connection> readConnection = new ThreadLocal<>();
    private final List<Connection> readConnections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    SqliteDatabase(Path file) throws StoreException {
        this.file = file;
        // Generated-key retrieval costs an extra statement per INSERT; we use INSERT ... RETURNING instead.
        this.url = "jdbc:sqlite:" + file.toAbsolutePath() + "?jdbc.get_generated_keys=false";
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sift-store-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.writeConnection = connect();
            try (Statement s = writeConnection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-65536");
                s.execute("PRAGMA temp_store=MEMORY");
            }
        } catch (SQLException e) {
            writer.shutdownNow();
            throw new StoreException("Cannot open project " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
        }
        return connection;
    }

    /** Work done with a connection. */
    @FunctionalInterface
    interface SqlWork<T, E extends Exception> {
        T apply(Connection connection) throws SQLException, E, StoreException;
    }

    /**
     * Runs {@code work} on the writer thread inside one transaction, committed when it returns and
     * rolled back when it throws. Waits for it, even when the calling thread is interrupted, so that
     * no write outlives its caller unseen.
     */
    <T, E extends Exception> T write(String what, SqlWork<T, E> work) throws E, StoreException {
        return await(what, submitWrite(work));
    }

    /** Queues {@code work} for the writer thread (one transaction, as {@link #write}) without waiting. */
    <T, E extends Exception> Future<T> submitWrite(SqlWork<T, E> work) throws StoreException {
        ensureOpen();
        return writer.submit(() -> inTransaction(work));
    }

    /**
     * Waits, uninterruptibly, for a write queued with {@link #submitWrite} and returns its result or
     * throws its failure. An interrupt that arrives meanwhile is kept for the caller.
     */
    <T, E extends Exception> T await(String what, Future<T> future) throws E, StoreException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw this.<E>rethrow(what, e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private <T, E extends Exception> T inTransaction(SqlWork<T, E> work) throws Exception {
        writeConnection.setAutoCommit(false);
        try {
            T result = work.apply(writeConnection);
            writeConnection.commit();
            return result;
        } catch (Exception | Error e) {
            writeConnection.rollback();
            throw e;
        } finally {
            writeConnection.setAutoCommit(true);
        }
    }

    @SuppressWarnings("unchecked")
    private <E extends Exception> E rethrow(String what, Throwable cause) throws StoreException {
        if (cause instanceof SQLException sql) {
            throw new StoreException("Cannot " + what + " in " + file.getFileName() + ": " + sql.getMessage(), sql);
        }
        if (cause instanceof StoreException store) {
            throw store;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return (E) cause;
    }

    /** Runs {@code work} on this thread's read connection. */
    <T> T read(String what, SqlWork<T, RuntimeException> work) throws StoreException {
        ensureOpen();
        try {
            return work.apply(readConnection());
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + " in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private Connection readConnection() throws SQLException {
        Connection connection = readConnection.get();
        if (connection == null || connection.isClosed()) {
            connection = connect();
            readConnection.set(connection);
            readConnections.add(connection);
        }
        return connection;
    }

    private void ensureOpen() throws StoreException {
        if (closed) {
            throw new StoreException("Project " + file.getFileName() + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : readConnections) {
            closeQuietly(c);
        }
        closeQuietly(writeConnection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing useful can be done when closing fails
        }
    }
}
