package cn.qualify.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Facts read from the same text are parsed once while it is among the last read; the facts are immutable. */
class FactsJsonTests {

    final FactsJson json = new FactsJson(JsonMapper.builder().build());

    @Test
    void theSameTextGivesTheSameFactsWithoutParsingAgain() {
        var text = json.write(JdbcRegistrationsIntegrationTests.everyFact());

        var first = json.read(text);
        assertThat(first).isEqualTo(JdbcRegistrationsIntegrationTests.everyFact());
        assertThat(json.read(new String(text))).isSameAs(first);

        var other = json.read(text.replace("\"examYear\":2025", "\"examYear\":2026"));
        assertThat(other.examYear()).isEqualTo(2026);
        assertThat(json.read(text)).isSameAs(first);
    }

    @Test
    void sharedFactsCannotBeChangedByOneReader() {
        var facts = json.read(json.write(JdbcRegistrationsIntegrationTests.everyFact()));

        assertThatThrownBy(() -> facts.workUnits().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyTheLastTextsReadAreKept() {
        var text = json.write(JdbcRegistrationsIntegrationTests.everyFact());
        var first = json.read(text);
        for (int i = 0; i < FactsJson.RECENT; i++) {
            json.read(text.replace("\"examYear\":2025", "\"examYear\":" + (3000 + i)));
        }

        var again = json.read(text);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }
}
