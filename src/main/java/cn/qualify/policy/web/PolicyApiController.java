package cn.qualify.policy.web;

import cn.qualify.policy.CandidateFacts;
import cn.qualify.policy.Policies;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public evaluation of candidate facts, as fixed by CONTRACT.md: a self-check for would-be candidates and a preview
 * for administrators. No login, nothing stored. Texts follow {@code ?lang}, else {@code Accept-Language}, else
 * Chinese.
 */
@RestController
class PolicyApiController {

    private final Policies policies;

    PolicyApiController(Policies policies) {
        this.policies = policies;
    }

    @PostMapping(
            path = "/api/v1/policy/evaluate",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    EvaluationJson evaluate(@Valid @RequestBody CandidateFacts facts) {
        return EvaluationJson.of(policies.evaluate(facts), LocaleContextHolder.getLocale());
    }
}
