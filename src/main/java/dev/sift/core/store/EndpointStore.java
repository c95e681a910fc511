package dev.sift.core.store;

import dev.sift.core.model.Endpoint;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints of a project. Thread-safe; every method blocks until the project file has answered.
 *
 * <p>Keys are never stored: {@link Endpoint#keyRef()} must be empty or a {@link KeyRef}
 * ({@code env:NAME} / {@code cred:NAME}); text that looks like a raw key is refused with a message
 * telling the user what to enter instead. A base URL carrying credentials ({@code user:pass@host})
 * is refused for the same reason.
 *
 * <p>Validation failures throw {@link StoreException} with a message meant for the user.
 */
public interface EndpointStore {

    /** Adds an endpoint (its id is ignored) and returns it with its new id. Names are unique. */
    Endpoint add(Endpoint endpoint) throws StoreException;

    /** Replaces the endpoint with the same id; the name stays unique. */
    Endpoint update(Endpoint endpoint) throws StoreException;

    /**
     * Deletes an endpoint. Refused while an agent uses it; the call log keeps its rows (their
     * endpoint becomes unknown).
     */
    void delete(long id) throws StoreException;

    /** All endpoints, by name. */
    List<Endpoint> list() throws StoreException;

    Optional<Endpoint> find(long id) throws StoreException;

    Optional<Endpoint> findByName(String name) throws StoreException;

    /** The endpoints of a group, by name; empty for an unknown group. */
    List<Endpoint> listGroup(String group) throws StoreException;
}
