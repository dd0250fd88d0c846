package cn.qualify.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, spared the work a request does not need. Spring Session's filter reads the session at the
 * start of every request that carries the session cookie, static files included, and at the end writes it (if
 * only to record its last access) and reads it back (spring-session #1731): three transactions. This repository
 * leaves one statement, the read, on most requests:
 *
 * <ul>
 *   <li><b>No write when nothing changed.</b> A session whose attributes, id and time-out are as read is written
 *       only once its last access recorded in the store is {@code touchInterval} or more behind. The idle time-out
 *       ({@code spring.session.timeout}) then counts from a last access up to that much earlier: with the
 *       defaults, a session left alone ends after 29 to 30 minutes instead of 30.
 *   <li><b>No read after the write.</b> The saved session is remembered for the thread that saved it and handed
 *       out once, only for its own id and only if no other call reached the store in between. {@link
 *       #forgetSaved()} drops it at the end of every request ({@link SessionStoreConfiguration}), so a later
 *       request always reads the store, where another node may have changed or ended the session.
 *   <li><b>No transaction around the read</b>, given the store's {@link SessionTransactions}: the read is one
 *       statement, and a commit would be one more round trip.
 * </ul>
 */
final class SparingSessionRepository implements FindByIndexNameSessionRepository<Session> {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration touchInterval;
    private final SessionTransactions transactions;
    private final ThreadLocal<Tracked> justSaved = new ThreadLocal<>();

    private SparingSessionRepository(
            FindByIndexNameSessionRepository<Session> store, Duration touchInterval, SessionTransactions transactions) {
        this.store = store;
        this.touchInterval = touchInterval;
        this.transactions = transactions;
    }

    /**
     * Wraps a store whose transactions are {@code transactions}, so that its reads of one session run without a
     * transaction of their own. The store's session type need not be visible here (the JDBC store's is
     * package-private): the sessions this repository hands to the store are only ever ones the store made.
     */
    @SuppressWarnings("unchecked")
    static SparingSessionRepository wrapping(
            FindByIndexNameSessionRepository<? extends Session> store,
            Duration touchInterval,
            SessionTransactions transactions) {
        if (touchInterval.isNegative()) {
            throw new IllegalArgumentException("The session touch interval cannot be negative: " + touchInterval);
        }
        return new SparingSessionRepository(
                (FindByIndexNameSessionRepository<Session>) store, touchInterval, transactions);
    }

    @Override
    public Session createSession() {
        justSaved.remove();
        return new Tracked(store.createSession(), null);
    }

    @Override
    public void save(Session session) {
        justSaved.remove();
        var tracked = (Tracked) session;
        if (tracked.needsWriting(touchInterval)) {
            store.save(tracked.stored);
            tracked.written();
        }
        justSaved.set(tracked);
    }

    @Override
    public Session findById(String id) {
        var saved = justSaved.get();
        justSaved.remove();
        if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
            return saved;
        }
        return read(transactions.reading(() -> store.findById(id)));
    }

    @Override
    public void deleteById(String id) {
        justSaved.remove();
        store.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        justSaved.remove();
        var found = new LinkedHashMap<String, Session>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, read(session)));
        return found;
    }

    /** Drops the session remembered on this thread; the next read of any session goes to the store. */
    void forgetSaved() {
        justSaved.remove();
    }

    private static Tracked read(Session stored) {
        return stored == null ? null : new Tracked(stored, stored.getLastAccessedTime());
    }

    /** The store's session, with what changed since it was read or last written. */
    private static final class Tracked implements Session {

        private final Session stored;
        /** The last access the store holds; null while the session has never been written. */
        private Instant storedLastAccess;

        private boolean changed;

        private Tracked(Session stored, Instant storedLastAccess) {
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
        }

        boolean needsWriting(Duration touchInterval) {
            return changed
                    || storedLastAccess == null
                    || Duration.between(storedLastAccess, getLastAccessedTime()).compareTo(touchInterval) >= 0;
        }

        void written() {
            changed = false;
            storedLastAccess = getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
