package cn.qualify.registration;

import cn.qualify.policy.CandidateFacts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate facts as stored: the contract's JSON, written and read by the application's own mapper. Every candidate
 * request reads them, so the reader and writer for the type are made once instead of being looked up on each call,
 * and the facts of the texts read last are kept: parsing was a twentieth of an upload's request thread
 * (docs/performance.md), and a candidate at the deadline uploads several photos in a few minutes. {@link
 * CandidateFacts} is immutable, so one instance can be handed to every request that reads the same text.
 */
@Component
class FactsJson {

    /** About 2 KB each (the text and its facts): a few MB at most. */
    static final int RECENT = 4096;

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final Map<String, CandidateFacts> recent = new ConcurrentHashMap<>();

    FactsJson(JsonMapper json) {
        this.reader = json.readerFor(CandidateFacts.class);
        this.writer = json.writerFor(CandidateFacts.class);
    }

    String write(CandidateFacts facts) {
        return writer.writeValueAsString(facts);
    }

    CandidateFacts read(String text) {
        var facts = recent.get(text);
        if (facts == null) {
            facts = reader.readValue(text);
            if (recent.size() >= RECENT) {
                // a deadline's working set turns over in minutes; forgetting all at once keeps this simple
                recent.clear();
            }
            recent.put(text, facts);
        }
        return facts;
    }
}
