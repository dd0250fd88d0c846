package cn.qualify.registration;

/** A change to registration info that its {@link Lock} forbids; nothing was saved. */
class RegistrationLockedException extends RuntimeException {

    private final Lock lock;

    RegistrationLockedException(Lock lock) {
        super("Registration info is locked: " + lock.reason());
        this.lock = lock;
    }

    Lock lock() {
        return lock;
    }
}
