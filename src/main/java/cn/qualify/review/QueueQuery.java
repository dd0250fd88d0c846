package cn.qualify.review;

/**
 * What a reviewer asks of a queue; every field optional. Bound from the queue page's query parameters and from the
 * API's.
 *
 * @param year exam year; the current one if absent
 * @param state a state name, {@code ALL} for every submitted application, or absent for the states that wait for
 *     the reviewer's level
 * @param route a policy route name
 * @param examPoint an exam point code, within the reviewer's scope
 * @param flag a quality flag ({@code LOW_RESOLUTION}, {@code BLURRY}, {@code TOO_DARK}, {@code CORRUPT}) or
 *     {@code ANY}
 * @param resubmitted only applications submitted again after a return for revision
 * @param deadlineSoon only returned applications whose resubmission deadline is near
 * @param q an application number (exact), an ID number (exact) or a name (exact)
 * @param after the cursor of the previous page
 * @param size page size, 1–200 (50 if absent)
 */
record QueueQuery(
        Integer year,
        String state,
        String route,
        String examPoint,
        String flag,
        Boolean resubmitted,
        Boolean deadlineSoon,
        String q,
        String after,
        Integer size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static QueueQuery defaults() {
        return new QueueQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public int pageSize() {
        if (size == null || size < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(size, MAX_SIZE);
    }

    public boolean onlyResubmitted() {
        return Boolean.TRUE.equals(resubmitted);
    }

    public boolean onlyDeadlineSoon() {
        return Boolean.TRUE.equals(deadlineSoon);
    }

    public String search() {
        return q == null || q.isBlank() ? null : q.strip();
    }

    QueueQuery after(String cursor) {
        return new QueueQuery(year, state, route, examPoint, flag, resubmitted, deadlineSoon, q, cursor, size);
    }
}
