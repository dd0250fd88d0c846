package cn.qualify.registration;

import cn.qualify.policy.CandidateFacts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Candidate facts as stored: the contract's JSON, written and read by the application's own mapper. */
@Component
class FactsJson {

    private final JsonMapper json;

    FactsJson(JsonMapper json) {
        this.json = json;
    }

    String write(CandidateFacts facts) {
        return json.writeValueAsString(facts);
    }

    CandidateFacts read(String text) {
        return json.readValue(text, CandidateFacts.class);
    }
}
