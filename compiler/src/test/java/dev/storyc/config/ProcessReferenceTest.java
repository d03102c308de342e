package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a generated file writes for a value, and reads back where it is used. */
class ProcessReferenceTest {
    @Test
    void aWholeReferenceIsReadFromTheProcessAndNothingElseIs() {
        assertThat(ProcessReference.whole("${env:WH_HOST}"))
                .contains(new ProcessReference("WH_HOST", Optional.empty()));
        assertThat(ProcessReference.whole("${env:WH_HOST:-db.internal}"))
                .contains(new ProcessReference("WH_HOST", Optional.of("db.internal")));
        for (String not : new String[] {"db-${env:REGION}", "${warehouse.host}", "${sys:user.name}",
                "$${env:X}", "${env:X", "${env:1X}", "plain"}) {
            assertThat(ProcessReference.whole(not)).as(not).isEmpty();
        }
    }

    @Test
    void aLiteralThatLooksLikeAReferenceReadsBackAsItself() {
        String literal = "db-${env:REGION}";
        String written = ProcessReference.literal(literal);

        assertThat(written).isEqualTo("db-$${env:REGION}");
        assertThat(ProcessReference.read(written, Map.of("REGION", "eu"))).contains(literal);
        assertThat(ProcessReference.read("${env:REGION}", Map.of("REGION", "eu"))).contains("eu");
        assertThat(ProcessReference.read("${env:REGION:-us}", Map.of())).contains("us");
        assertThat(ProcessReference.read("${env:REGION}", Map.of())).isEmpty();
        assertThat(ProcessReference.read("db-${env:REGION}", Map.of("REGION", "eu"))).isEmpty();
    }
}
