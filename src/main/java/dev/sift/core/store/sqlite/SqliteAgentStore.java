package dev.sift.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.store.AgentStore;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Agents and agent pairs; the rules are documented on {@link AgentStore}. */
final class SqliteAgentStore implements AgentStore {

    private static final String AGENT_COLUMNS =
            "id, name, endpoint_id, endpoint_group, model, role, system_prompt, params_json";
    private static final String PAIR_COLUMNS = "id, name, instruction_agent_id, response_agent_id";

    private final SqliteDatabase db;

    SqliteAgentStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Agent add(Agent agent) throws StoreException {
        Agent a = validated(agent);
        return db.write("add agent " + a.name(), c -> {
            checkReferences(c, a);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agents(name, endpoint_id, endpoint_group,"
                    + " model, role, system_prompt, params_json, created_at) VALUES (?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, a);
                ps.setString(8, Instant.now().toString());
                long id = Columns.insert(ps);
                return new Agent(id, a.name(), a.endpointId(), a.endpointGroup(), a.model(), a.role(),
                        a.systemPrompt(), a.parametersJson());
            }
        });
    }

    @Override
    public Agent update(Agent agent) throws StoreException {
        Agent a = validated(agent);
        return db.write("update agent " + a.name(), c -> {
            checkReferences(c, a);
            try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET name=?, endpoint_id=?, endpoint_group=?,"
                    + " model=?, role=?, system_prompt=?, params_json=? WHERE id=?")) {
                bind(ps, a);
                ps.setLong(8, a.id());
                if (ps.executeUpdate() == 0) {
                    throw new StoreException("There is no agent with id " + a.id());
                }
            }
            return a;
        });
    }

    @Override
    public void delete(long id) throws StoreException {
        db.write("delete an agent", c -> {
            List<String> pairs = names(c, "SELECT name FROM agent_pairs WHERE instruction_agent_id=?1"
                    + " OR response_agent_id=?1 ORDER BY name", id);
            if (!pairs.isEmpty()) {
                String name = names(c, "SELECT name FROM agents WHERE id=?1", id).stream().findFirst()
                        .orElse(String.valueOf(id));
                throw new StoreException("Agent '" + name + "' is part of " + (pairs.size() == 1 ? "pair " : "pairs ")
                        + String.join(", ", pairs) + "; delete the pairs first");
            }
            execute(c, "DELETE FROM agents WHERE id=?", id);
            return null;
        });
    }

    @Override
    public List<Agent> list() throws StoreException {
        return db.read("list agents", c -> agents(c, "SELECT " + AGENT_COLUMNS + " FROM agents ORDER BY name", null));
    }

    @Override
    public Optional<Agent> find(long id) throws StoreException {
        return db.read("read an agent", c -> findAgent(c, id));
    }

    @Override
    public Optional<Agent> findByName(String name) throws StoreException {
        return db.read("read an agent", c ->
                agents(c, "SELECT " + AGENT_COLUMNS + " FROM agents WHERE name=?", name).stream().findFirst());
    }

    @Override
    public AgentPair addPair(AgentPair pair) throws StoreException {
        String name = pair.name().strip();
        if (name.isEmpty()) {
            throw new StoreException("An agent pair needs a name");
        }
        if (pair.instructionAgentId() == pair.responseAgentId()) {
            throw new StoreException("Pair '" + name + "' needs two different agents: one writes the instruction,"
                    + " the other answers it (define a second agent to use the same model for both)");
        }
        return db.write("add agent pair " + name, c -> {
            requireFree(c, "agent_pairs", "An agent pair", name, 0);
            for (long agentId : new long[] {pair.instructionAgentId(), pair.responseAgentId()}) {
                if (findAgent(c, agentId).isEmpty()) {
                    throw new StoreException("Pair '" + name + "' refers to agent " + agentId + ", which does not exist");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM agent_pairs WHERE instruction_agent_id=?"
                    + " AND response_agent_id=?")) {
                ps.setLong(1, pair.instructionAgentId());
                ps.setLong(2, pair.responseAgentId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new StoreException("Pair '" + rs.getString(1) + "' already joins these two agents");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_pairs(name, instruction_agent_id,"
                    + " response_agent_id) VALUES (?,?,?)")) {
                ps.setString(1, name);
                ps.setLong(2, pair.instructionAgentId());
                ps.setLong(3, pair.responseAgentId());
                return new AgentPair(Columns.insert(ps), name, pair.instructionAgentId(), pair.responseAgentId());
            }
        });
    }

    @Override
    public void deletePair(long id) throws StoreException {
        db.write("delete an agent pair", c -> {
            long uses = count(c, "SELECT (SELECT count(*) FROM candidates WHERE agent_pair_id=?1)"
                    + " + (SELECT count(*) FROM weight_history WHERE agent_pair_id=?1)", id);
            if (uses > 0) {
                throw new StoreException("This agent pair made candidates or has weight history in past runs;"
                        + " it is kept so those results still say who made them");
            }
            execute(c, "DELETE FROM agent_pairs WHERE id=?", id);
            return null;
        });
    }

    @Override
    public List<AgentPair> listPairs() throws StoreException {
        return db.read("list agent pairs", c -> pairs(c, "SELECT " + PAIR_COLUMNS + " FROM agent_pairs ORDER BY name", null));
    }

    @Override
    public Optional<AgentPair> findPair(long id) throws StoreException {
        return db.read("read an agent pair", c -> pairs(c, "SELECT " + PAIR_COLUMNS + " FROM agent_pairs WHERE id=?",
                id).stream().findFirst());
    }

    @Override
    public Optional<AgentPair> findPairByName(String name) throws StoreException {
        return db.read("read an agent pair", c -> pairs(c, "SELECT " + PAIR_COLUMNS + " FROM agent_pairs WHERE name=?",
                name).stream().findFirst());
    }

    private static Agent validated(Agent a) throws StoreException {
        String name = a.name().strip();
        if (name.isEmpty()) {
            throw new StoreException("An agent needs a name");
        }
        if (a.model().isBlank()) {
            throw new StoreException("Agent '" + name + "' needs a model");
        }
        try {
            if (!MessagesJson.mapper().readTree(a.parametersJson()).isObject()) {
                throw new StoreException("Agent '" + name + "': decoding parameters must be a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("Agent '" + name + "': decoding parameters are not valid JSON: "
                    + e.getOriginalMessage());
        }
        return new Agent(a.id(), name, a.endpointId(), a.endpointGroup().strip(), a.model().strip(), a.role(),
                a.systemPrompt(), a.parametersJson());
    }

    private static void checkReferences(Connection c, Agent a) throws SQLException, StoreException {
        requireFree(c, "agents", "An agent", a.name(), a.id());
        if (a.endpointId() != 0) {
            if (count(c, "SELECT count(*) FROM endpoints WHERE id=?1", a.endpointId()) == 0) {
                throw new StoreException("Agent '" + a.name() + "' refers to endpoint " + a.endpointId()
                        + ", which does not exist");
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM endpoints WHERE group_name=?")) {
                ps.setString(1, a.endpointGroup());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        throw new StoreException("Agent '" + a.name() + "' uses endpoint group '" + a.endpointGroup()
                                + "', which has no endpoints");
                    }
                }
            }
        }
    }

    private static void requireFree(Connection c, String table, String what, String name, long ownId)
            throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE name=? AND id<>?")) {
            ps.setString(1, name);
            ps.setLong(2, ownId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new StoreException(what + " named '" + name + "' already exists; choose another name");
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Agent a) throws SQLException {
        ps.setString(1, a.name());
        Columns.setId(ps, 2, a.endpointId());
        Columns.setText(ps, 3, a.endpointGroup());
        ps.setString(4, a.model());
        ps.setString(5, a.role().name().toLowerCase(Locale.ROOT));
        ps.setString(6, a.systemPrompt());
        ps.setString(7, a.parametersJson());
    }

    private static Optional<Agent> findAgent(Connection c, long id) throws SQLException {
        return agents(c, "SELECT " + AGENT_COLUMNS + " FROM agents WHERE id=?", id).stream().findFirst();
    }

    private static List<Agent> agents(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var result = new ArrayList<Agent>();
                while (rs.next()) {
                    result.add(new Agent(rs.getLong(1), rs.getString(2), Columns.id(rs, 3), Columns.text(rs, 4),
                            rs.getString(5), AgentRole.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                            rs.getString(7), rs.getString(8)));
                }
                return List.copyOf(result);
            }
        }
    }

    private static List<AgentPair> pairs(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                var result = new ArrayList<AgentPair>();
                while (rs.next()) {
                    result.add(new AgentPair(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
                return List.copyOf(result);
            }
        }
    }

    private static List<String> names(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                var result = new ArrayList<String>();
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
                return result;
            }
        }
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
