package cn.qualify.review;

import cn.qualify.application.Applications;
import cn.qualify.identity.Account;
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
        var query = new QueueQuery(year, null, null, examPoint, null, null, null, null, after, 24);
        var page = queue.page(reviewer, query);
        var cells = page.items().stream()
                .map(item -> applications.byId(item.id()).orElse(null))
                .filter(application -> application != null
                        && !application.currentImages(code).isEmpty()
                        && !application.latestReviews().containsKey(code)
                        && ReviewAction.DECIDE_MATERIAL.allowedIn(application.state())
                        && ReviewAction.DECIDE_MATERIAL.reachableBy(
                                reviewer, application.state(), application.examPointCode()))
                .map(application -> {
                    var built = cases.build(application, reviewer, Optional.empty(), locale);
                    var images = built.materials().stream()
                            .filter(file -> file.material().equals(code))
                            .flatMap(file -> file.current().stream())
                            .toList();
                    desk.recordGridView(reviewer, application.id(), code);
                    return new Cell(
                            application.id(),
                            application.number(),
                            built.candidate() == null ? null : built.candidate().name(),
                            application.examPointCode(),
                            application.version(),
                            images);
                })
                .toList();
        var names = cases.catalogueNames(page.year(), locale);
        return new GridPage(page.year(), code, names.getOrDefault(code, code), names, cells, page.next());
    }
}
