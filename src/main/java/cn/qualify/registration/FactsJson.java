package cn.qualify.registration;

import cn.qualify.policy.CandidateFacts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate facts as stored: the contract's JSON, written and read by the application's own mapper. Every candidate
 * request reads them, so the reader and writer for the type are made once instead of being looked up on each call.
 */
@Component
class FactsJson {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    FactsJson(JsonMapper json) {
        this.reader = json.readerFor(CandidateFacts.class);
        this.writer = json.writerFor(CandidateFacts.class);
    }

    String write(CandidateFacts facts) {
        return writer.writeValueAsString(facts);
    }

    CandidateFacts read(String text) {
        return reader.readValue(text);
    }
}
