package cn.qualify.registration;

import java.util.Optional;

/** Read access to registration info. */
public interface Registrations {

    /** The candidate's registration for the exam year, if they have filled it in or it was imported. */
    Optional<Registration> of(long candidateId, int examYear);
}
