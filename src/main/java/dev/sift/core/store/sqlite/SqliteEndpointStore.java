package dev.sift.core.store.sqlite;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.EndpointStore;
import dev.sift.core.store.KeyRef;
import dev.sift.core.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class SqliteEndpointStore implements EndpointStore {

    private static final String COLUMNS = "id, name, kind, base_url, model_dir, key_ref, max_concurrency,"
            + " rpm_limit, tpm_limit, price_in_per_mtok, price_out_per_mtok, group_name,"
            + " chat_template";

    private final SqliteDatabase db;

    SqliteEndpointStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Endpoint add(Endpoint endpoint) throws StoreException {
        Endpoint e = validated(endpoint);
        return db.write("add endpoint " + e.name(), c -> {
            requireFreeName(c, e.name(), 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO endpoints(name, kind, base_url, model_dir,"
                    + " key_ref, max_concurrency, rpm_limit, tpm_limit, price_in_per_mtok, price_out_per_mtok,"
                    + " group_name, chat_template, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                bind(ps, e);
                ps.setString(13, Instant.now().toString());
                return withId(e, Columns.insert(ps));
            }
        });
    }

    @Override
    public Endpoint update(Endpoint endpoint) throws StoreException {
        Endpoint e = validated(endpoint);
        return db.write("update endpoint " + e.name(), c -> {
            requireFreeName(c, e.name(), e.id());
            try (PreparedStatement ps = c.prepareStatement("UPDATE endpoints SET name=?, kind=?, base_url=?,"
                    + " model_dir=?, key_ref=?, max_concurrency=?, rpm_limit=?, tpm_limit=?, price_in_per_mtok=?,"
                    + " price_out_per_mtok=?, group_name=?, chat_template=? WHERE id=?")) {
                bind(ps, e);
                ps.setLong(13, e.id());
                if (ps.executeUpdate() == 0) {
                    throw new StoreException("There is no endpoint with id " + e.id());
                }
            }
            return e;
        });
    }

    @Override
    public void delete(long id) throws StoreException {
        db.write("delete an endpoint", c -> {
            List<String> users = agentNames(c, id);
            if (!users.isEmpty()) {
                String name = find(c, id).map(Endpoint::name).orElse(String.valueOf(id));
                throw new StoreException("Endpoint '" + name + "' is used by " + (users.size() == 1 ? "agent " : "agents ")
                        + String.join(", ", users) + "; delete them or move them to another endpoint first");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM endpoints WHERE id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Endpoint> list() throws StoreException {
        return db.read("list endpoints", c -> query(c, "SELECT " + COLUMNS + " FROM endpoints ORDER BY name", null));
    }

    @Override
    public List<Endpoint> listGroup(String group) throws StoreException {
        return db.read("list endpoints",
                c -> query(c, "SELECT " + COLUMNS + " FROM endpoints WHERE group_name=? ORDER BY name", group));
    }

    @Override
    public Optional<Endpoint> find(long id) throws StoreException {
        return db.read("read an endpoint", c -> find(c, id));
    }

    @Override
    public Optional<Endpoint> findByName(String name) throws StoreException {
        return db.read("read an endpoint", c ->
                query(c, "SELECT " + COLUMNS + " FROM endpoints WHERE name=?", name).stream().findFirst());
    }

    private static Optional<Endpoint> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM endpoints WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static List<Endpoint> query(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var result = new ArrayList<Endpoint>();
                while (rs.next()) {
                    result.add(map(rs));
                }
                return List.copyOf(result);
            }
        }
    }

    private static void requireFreeName(Connection c, String name, long ownId) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM endpoints WHERE name=? AND id<>?")) {
            ps.setString(1, name);
            ps.setLong(2, ownId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new StoreException("An endpoint named '" + name + "' already exists; choose another name");
                }
            }
        }
    }

    private static List<String> agentNames(Connection c, long endpointId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM agents WHERE endpoint_id=? ORDER BY name")) {
            ps.setLong(1, endpointId);
            try (ResultSet rs = ps.executeQuery()) {
                var names = new ArrayList<String>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
    }

    /** Checks the user's input and normalises it (trimmed name, canonical key reference). */
    static Endpoint validated(Endpoint e) throws StoreException {
        String name = e.name().strip();
        if (name.isEmpty()) {
            throw new StoreException("An endpoint needs a name");
        }
        String keyRef;
        try {
            keyRef = e.keyRef().isBlank() ? "" : KeyRef.parse(e.keyRef()).toString();
        } catch (IllegalArgumentException bad) {
            throw new StoreException("Endpoint '" + name + "': " + bad.getMessage());
        }
        if (e.kind() == EndpointKind.OPENAI) {
            checkBaseUrl(name, e.baseUrl().strip());
        } else if (e.modelDir().isBlank()) {
            throw new StoreException("Endpoint '" + name + "' runs a model in process and needs its model folder");
        }
        String template = e.chatTemplate().strip().toLowerCase(Locale.ROOT);
        if (e.kind() == EndpointKind.OPENAI && !template.isEmpty()) {
            throw new StoreException("Endpoint '" + name + "': a chat template applies only to in-process models;"
                    + " an OpenAI-compatible server applies its own");
        }
        if (!template.matches("[a-z0-9_-]*")) {
            throw new StoreException("Endpoint '" + name + "': '" + e.chatTemplate() + "' is not a chat template name");
        }
        if (e.priceInPerMillion() < 0 || e.priceOutPerMillion() < 0) {
            throw new StoreException("Endpoint '" + name + "': prices cannot be negative");
        }
        if (e.requestsPerMinute().orElse(1) < 1 || e.tokensPerMinute().orElse(1) < 1) {
            throw new StoreException("Endpoint '" + name + "': rate limits must be at least 1 (leave empty for none)");
        }
        return new Endpoint(e.id(), name, e.kind(), e.baseUrl().strip(), e.modelDir().strip(), keyRef,
                e.maxConcurrency(), e.requestsPerMinute(), e.tokensPerMinute(), e.priceInPerMillion(),
                e.priceOutPerMillion(), e.group().strip(), template);
    }

    private static void checkBaseUrl(String name, String url) throws StoreException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException bad) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new StoreException("Endpoint '" + name + "' needs a base URL such as http://127.0.0.1:8000/v1");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || query.contains("key") || query.contains("token")) {
            throw new StoreException("Endpoint '" + name + "': the base URL must not carry credentials; keep the key"
                    + " in an environment variable (env:NAME) or your credentials file (cred:NAME)");
        }
    }

    private static void bind(PreparedStatement ps, Endpoint e) throws SQLException {
        ps.setString(1, e.name());
        ps.setString(2, e.kind().name().toLowerCase(Locale.ROOT));
        Columns.setText(ps, 3, e.baseUrl());
        Columns.setText(ps, 4, e.modelDir());
        Columns.setText(ps, 5, e.keyRef());
        ps.setInt(6, e.maxConcurrency());
        Columns.setInt(ps, 7, e.requestsPerMinute());
        Columns.setInt(ps, 8, e.tokensPerMinute());
        ps.setDouble(9, e.priceInPerMillion());
        ps.setDouble(10, e.priceOutPerMillion());
        Columns.setText(ps, 11, e.group());
        Columns.setText(ps, 12, e.chatTemplate());
    }

    private static Endpoint withId(Endpoint e, long id) {
        return new Endpoint(id, e.name(), e.kind(), e.baseUrl(), e.modelDir(), e.keyRef(), e.maxConcurrency(),
                e.requestsPerMinute(), e.tokensPerMinute(), e.priceInPerMillion(), e.priceOutPerMillion(), e.group(),
                e.chatTemplate());
    }

    private static Endpoint map(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getLong(1), rs.getString(2),
                EndpointKind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                Columns.text(rs, 4), Columns.text(rs, 5), Columns.text(rs, 6), rs.getInt(7),
                Columns.optionalInt(rs, 8), Columns.optionalInt(rs, 9), rs.getDouble(10), rs.getDouble(11),
                Columns.text(rs, 12), Columns.text(rs, 13));
    }
}
