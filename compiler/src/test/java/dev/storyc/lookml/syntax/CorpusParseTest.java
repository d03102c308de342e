package dev.storyc.lookml.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every valid corpus file parses without errors, and printing its tree gives the same bytes. */
class CorpusParseTest {

    @Test
    void everyValidFileParsesAndPrintsBackIdentically() {
        Path dir = Corpus.require();
        List<String> invalid = Corpus.invalid(dir);
        Map<String, String> files = Corpus.lkml(dir);
        List<String> failures = new ArrayList<>();
        int identical = 0;
        for (var e : files.entrySet()) {
            ParsedFile parsed = LookmlParser.parse(e.getKey(), e.getValue());
            if (invalid.contains(e.getKey())) {
                continue;
            }
            for (Diagnostic d : parsed.diagnostics()) {
                failures.add(d.position() + " " + d.code().id() + " " + d.message());
            }
            byte[] printed = parsed.tree().print().getBytes(StandardCharsets.UTF_8);
            if (java.util.Arrays.equals(printed, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                identical++;
            } else {
                failures.add(e.getKey() + ": printed bytes differ");
            }
            failures.addAll(TriviaCheck.problems(parsed.tree()));
        }
        assertThat(failures).isEmpty();
        assertThat(files).hasSize(468);
        assertThat(identical).isEqualTo(files.size() - invalid.size());
    }
}
