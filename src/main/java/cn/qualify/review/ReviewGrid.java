package cn.qualify.review;

import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Grid mode: one material across many candidates of the reviewer's queue (e.g. every ID proof waiting at an exam
 * point), each accepted with one key. A page of the queue is read, and the candidates whose material has current
 * images and no decision in the current round are shown; viewing them is audited like opening each candidate.
 */
@Component
class ReviewGrid {

    static final int PAGE_SIZE = 24;
    /** How many queue pages one grid page reads at most while filling itself. */
    private static final int MAX_BATCHES = 8;

    private final ReviewQueue queue;
    private final Applications applications;
    private final ReviewCases cases;
    private final ReviewDesk desk;

    ReviewGrid(ReviewQueue queue, Applications applications, ReviewCases cases, ReviewDesk desk) {
        this.queue = queue;
        this.applications = applications;
        this.cases = cases;
        this.desk = desk;
    }

    /**
     * One candidate of the grid.
     *
     * @param version send it back with the acceptance
     */
    record Cell(
            UUID id,
            String number,
            String candidateName,
            String examPointCode,
            long version,
            List<ReviewCase.ImageInfo> images) {}

    /**
     * A page of the grid.
     *
     * @param next the queue cursor of the following page, null on the last
     */
    record GridPage(
            int year,
            String material,
            String materialName,
            Map<String, String> materialNames,
            List<Cell> cells,
            String next) {}

    GridPage page(Account reviewer, Integer year, String material, String examPoint, String after, Locale locale) {
        var code = ReviewDesk.requireMaterial(material);
        var query = new QueueQuery(year, null, null, examPoint, null, null, null, null, after, PAGE_SIZE);
        var cells = new ArrayList<Cell>();
        String next = null;
        int resolvedYear = 0;
        // The query already leaves out what grid mode cannot show; what the aggregate still refuses (a decision made
        // since the query ran) is skipped, and the next rows are read, so that a page is full while rows remain.
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            var page = queue.page(reviewer, query, code);
            resolvedYear = page.year();
            next = page.next();
            var items = page.items();
            for (int i = 0; i < items.size(); i++) {
                var item = items.get(i);
                cell(reviewer, item, code, locale).ifPresent(cells::add);
                if (cells.size() == PAGE_SIZE) {
                    if (i < items.size() - 1) {
                        next = new QueueCursor(item.updatedAt(), item.id()).encode();
                    }
                    break;
                }
            }
            if (cells.size() == PAGE_SIZE || next == null) {
                break;
            }
            query = query.after(next);
        }
        var names = cases.catalogueNames(resolvedYear, locale);
        return new GridPage(resolvedYear, code, names.getOrDefault(code, code), names, List.copyOf(cells), next);
    }

    private Optional<Cell> cell(Account reviewer, QueueItem item, String code, Locale locale) {
        var found = applications.byId(item.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var application = found.get();
        if (application.currentImages(code).isEmpty()
                || application.latestReviews().containsKey(code)
                || !ReviewAction.DECIDE_MATERIAL.allowedIn(application.state())
                || !ReviewAction.DECIDE_MATERIAL.reachableBy(
                        reviewer, application.state(), application.examPointCode())) {
            return Optional.empty();
        }
        var built = cases.build(application, reviewer, Optional.empty(), locale);
        var images = built.materials().stream()
                .filter(file -> file.material().equals(code))
                .flatMap(file -> file.current().stream())
                .toList();
        desk.recordGridView(reviewer, application.id(), code);
        return Optional.of(new Cell(
                application.id(),
                application.number(),
                built.candidate() == null ? null : built.candidate().name(),
                application.examPointCode(),
                application.version(),
                images));
    }
}
