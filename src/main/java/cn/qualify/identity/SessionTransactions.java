package cn.qualify.identity;

import java.util.function.Supplier;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The JDBC session store's transactions, except around a read of one session. Spring Session runs every call in a
 * transaction of its own, its read of a session on every request with the cookie included: one statement (the
 * session joined to its attributes, one snapshot), whose commit was a second round trip to the database for nothing.
 * A read inside {@link #reading} runs without one; writes, which may be several statements, keep theirs.
 */
final class SessionTransactions implements TransactionOperations {

    private final Supplier<TransactionOperations> transactional;
    private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

    /** @param transactional the transactions of everything else, asked for at the first write */
    SessionTransactions(Supplier<TransactionOperations> transactional) {
        this.transactional = transactional;
    }

    /** Runs a read of the store without a transaction of its own. */
    <T> T reading(Supplier<T> read) {
        var outer = reading.get();
        reading.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                reading.remove();
            } else {
                reading.set(outer);
            }
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (Boolean.TRUE.equals(reading.get())) {
            return TransactionOperations.withoutTransaction().execute(action);
        }
        return transactional.get().execute(action);
    }
}
