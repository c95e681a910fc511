package dev.sift.core.store;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import java.util.List;
import java.util.Optional;

/**
 * The agents and agent pairs of a project. Thread-safe; every method blocks until the project file
 * has answered. Validation failures throw {@link StoreException} with a message meant for the user.
 *
 * <p>Rules: agent and pair names are unique and not blank; an agent's endpoint exists, or its
 * endpoint group has at least one endpoint; its model is not blank and its parameters are a JSON
 * object. A pair's two agents exist and <em>differ</em>: an agent has one role and one system
 * prompt, so rewriting and answering are always two agents (the same model may back both). The
 * store does not check roles: recipes use pairs differently (Star-Agents rewriter/responder,
 * AgentInstruct suggester/editor) and check the roles they need when a run starts. A combination
 * of (instruction agent, response agent) appears in one pair only.
 */
public interface AgentStore {

    /** Adds an agent (its id is ignored) and returns it with its new id. */
    Agent add(Agent agent) throws StoreException;

    /** Replaces the agent with the same id. */
    Agent update(Agent agent) throws StoreException;

    /** Deletes an agent; refused while a pair uses it. */
    void delete(long id) throws StoreException;

    /** All agents, by name. */
    List<Agent> list() throws StoreException;

    Optional<Agent> find(long id) throws StoreException;

    Optional<Agent> findByName(String name) throws StoreException;

    /** Adds a pair (its id is ignored) and returns it with its new id. */
    AgentPair addPair(AgentPair pair) throws StoreException;

    /** Deletes a pair; refused once candidates or weight history refer to it. */
    void deletePair(long id) throws StoreException;

    /** All pairs, by name. */
    List<AgentPair> listPairs() throws StoreException;

    Optional<AgentPair> findPair(long id) throws StoreException;

    Optional<AgentPair> findPairByName(String name) throws StoreException;
}
