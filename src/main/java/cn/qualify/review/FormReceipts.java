package cn.qualify.review;

import java.util.Optional;
import java.util.UUID;

/** Read access to the receipts of signed application forms (二.8), e.g. for the candidate's own page. */
public interface FormReceipts {

    /** The receipt of the application's signed form, if the exam point has recorded one. */
    Optional<FormReceipt> of(UUID applicationId);
}
