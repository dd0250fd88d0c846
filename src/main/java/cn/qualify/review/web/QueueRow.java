package cn.qualify.review.web;

import java.util.List;
import java.util.UUID;

/**
 * One line of the queue page, every value already in the page's language and format, so that the row's template has
 * one expression per value it shows: a page of 50 rows is most of the queue page's rendering.
 *
 * @param candidateName the name, or the page's "not filled in"
 * @param idNumber the masked ID number, or the page's "not filled in"
 * @param round the "round 2" badge of a resubmitted application, {@code null} for a first submission
 * @param offline the "offline review" badge, {@code null} unless the application is reviewed on paper
 * @param deadline the revision deadline's text, {@code null} if none
 * @param flags the quality flags' labels
 * @param leaseHolder who is working on it now, {@code null} if nobody
 */
public record QueueRow(
        UUID id,
        String number,
        String candidateName,
        String idNumber,
        String examPointCode,
        String state,
        String round,
        String offline,
        String deadline,
        List<String> flags,
        String updated,
        String leaseHolder) {

    /** The review screen of the application. */
    public String path() {
        return "/review/applications/" + id;
    }
}
