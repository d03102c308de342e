package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.LookmlFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the closed-value check (E0644) over every valid {@code .lkml} file of {@code
 * ../shared/corpus/lookml}: real LookML that Looker accepts, so any finding is a value missing
 * from {@link LookerValues}, a false alarm. The count of values judged keeps the test from passing
 * because nothing was read.
 */
class CorpusClosedValuesTest {

    @Test
    void noValueOfTheCorpusIsReported() {
        Path dir = Corpus.require();
        List<String> invalid = Corpus.invalid(dir);
        Map<String, String> files = Corpus.lkml(dir);
        List<String> alarms = new ArrayList<>();
        int judged = 0;
        for (var e : files.entrySet()) {
            if (invalid.contains(e.getKey())) {
                continue;
            }
            LookmlFile model = Lookml.model(Lookml.parse(e.getKey(), e.getValue()));
            judged += judged(model);
            for (Diagnostic d : ClosedValues.of(model)) {
                alarms.add(d.position() + " " + d.message());
            }
        }
        System.out.printf("corpus: %d files, %d closed values judged, %d alarms%n", files.size(), judged,
                alarms.size());
        assertThat(alarms).as("values real LookML uses that the catalogue lacks").isEmpty();
        assertThat(judged).isGreaterThan(5_000);
    }

    private static int judged(LookmlFile model) {
        int count = 0;
        for (var view : model.views()) {
            for (var field : view.fields()) {
                count += (field.type().isPresent() ? 1 : 0) + (field.datatype().isPresent() ? 1 : 0);
            }
        }
        for (var explore : model.explores()) {
            for (var join : explore.joins()) {
                count += (join.type().isPresent() ? 1 : 0) + (join.relationship().isPresent() ? 1 : 0);
            }
        }
        return count;
    }
}
