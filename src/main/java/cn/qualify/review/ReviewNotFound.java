package cn.qualify.review;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No application, or none that this reviewer may see: the two are answered alike, so that guessing identifiers
 * of other exam points reveals nothing.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReviewNotFound extends RuntimeException {

    ReviewNotFound(UUID id) {
        super("No application " + id + " in the reviewer's scope");
    }

    ReviewNotFound(String what) {
        super(what);
    }
}
