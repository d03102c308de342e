package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Environments that compile to the same file hold one copy of it, and nothing else changes. */
class SharedTextsTest {
    @Test
    void identicalFilesOfTwoEnvironmentsBecomeOneInstance() {
        SharedTexts shared = new SharedTexts();
        CompiledEnvironment a = shared.share(environment(Map.of("views/a.lkml", "view: a {}\n",
                "manifest.lkml", "connection: \"a\"\n")));
        CompiledEnvironment b = shared.share(environment(Map.of("views/a.lkml", "view: a {}\n",
                "manifest.lkml", "connection: \"b\"\n")));

        assertThat(b.tree().texts()).containsEntry("manifest.lkml", "connection: \"b\"\n")
                .containsEntry("views/a.lkml", "view: a {}\n").hasSize(2);
        assertThat(b.tree().files().get("views/a.lkml").text())
                .isSameAs(a.tree().files().get("views/a.lkml").text());
        assertThat(b.tree().file("views/a.lkml").orElseThrow())
                .isSameAs(a.tree().file("views/a.lkml").orElseThrow());
        assertThat(b.tree().file("manifest.lkml").orElseThrow().path())
                .isSameAs(a.tree().file("manifest.lkml").orElseThrow().path());
        assertThat(b.tree().files().get("manifest.lkml").text())
                .isNotSameAs(a.tree().files().get("manifest.lkml").text());
    }

    @Test
    void largeTextsAreHeldPackedAndReadBackUnchanged() {
        String large = "- job: \u00e9t\u00e9\n".repeat(100_000);
        String alsoLarge = large.replace("job", "JOB");
        CompiledEnvironment a = new SharedTexts().share(environment(Map.of(
                "schedules/kubernetes.yaml", large, "schedules/crontab", alsoLarge,
                "views/a.lkml", "view: a {}\n")));

        OutputFile yaml = a.tree().files().get("schedules/kubernetes.yaml");
        assertThat(yaml.isPacked()).isTrue();
        assertThat(yaml.text()).isEqualTo(large);
        assertThat(yaml.bytes()).isEqualTo(large.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(yaml).isEqualTo(new OutputFile("schedules/kubernetes.yaml", large))
                .hasSameHashCodeAs(new OutputFile("schedules/kubernetes.yaml", large))
                .isNotEqualTo(a.tree().files().get("schedules/crontab"));
        assertThat(a.tree().files().get("schedules/crontab").text()).isEqualTo(alsoLarge);
        assertThat(a.tree().files().get("views/a.lkml").isPacked()).isFalse();
        assertThat(yaml.byteLength())
                .isEqualTo(large.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(large.length());
        assertThat(new OutputFile("b", "\u00e9\n").byteLength()).isEqualTo(3);
        assertThat(a.tree().texts()).containsEntry("schedules/kubernetes.yaml", large)
                .containsEntry("views/a.lkml", "view: a {}\n");
    }

    /** An environment whose tree holds {@code texts}, each built anew so none is shared yet. */
    private static CompiledEnvironment environment(Map<String, String> texts) {
        TreeMap<String, OutputFile> files = new TreeMap<>();
        texts.forEach((path, text) -> files.put(new String(path), new OutputFile(path,
                new StringBuilder(text).toString())));
        return new CompiledEnvironment(null, null, new OutputTree(files), null);
    }
}
