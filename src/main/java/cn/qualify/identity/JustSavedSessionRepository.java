package cn.qualify.identity;

import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store without the read that follows every write. At the end of each request Spring Session's filter
 * saves the session and then asks whether the session id the request came with is still valid, which reads the
 * session back from the store (spring-session #1731): a third transaction, three round trips, on every request
 * that carries the session cookie. This repository answers that one read with the session it has just saved.
 *
 * <p>Only that read: the saved session is remembered for the thread that saved it, handed out once, only for its own
 * id and only if no other call reached the store in between; {@link #forgetSaved()} drops it at the end of every
 * request ({@link SessionStoreConfiguration}), so a later request always reads the store, where another node may
 * have changed or ended the session.
 */
final class JustSavedSessionRepository<S extends Session> implements FindByIndexNameSessionRepository<S> {

    private final FindByIndexNameSessionRepository<S> store;
    private final ThreadLocal<S> justSaved = new ThreadLocal<>();

    private JustSavedSessionRepository(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    /**
     * Wraps a store whose session type need not be visible here (the JDBC store's is package-private): the sessions
     * this repository hands to the store are only ever ones the store made.
     */
    @SuppressWarnings("unchecked")
    static JustSavedSessionRepository<Session> wrapping(FindByIndexNameSessionRepository<? extends Session> store) {
        return new JustSavedSessionRepository<>((FindByIndexNameSessionRepository<Session>) store);
    }

    @Override
    public S createSession() {
        justSaved.remove();
        return store.createSession();
    }

    @Override
    public void save(S session) {
        justSaved.remove();
        store.save(session);
        justSaved.set(session);
    }

    @Override
    public S findById(String id) {
        S saved = justSaved.get();
        justSaved.remove();
        if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
            return saved;
        }
        return store.findById(id);
    }

    @Override
    public void deleteById(String id) {
        justSaved.remove();
        store.deleteById(id);
    }

    @Override
    public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        justSaved.remove();
        return store.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /** Drops the session remembered on this thread; the next read of any session goes to the store. */
    void forgetSaved() {
        justSaved.remove();
    }
}
