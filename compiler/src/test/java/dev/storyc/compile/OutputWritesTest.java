package dev.storyc.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.emit.CompiledEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The write step's order: vet everything, write nothing on a refusal, then write each in order. */
class OutputWritesTest {
    static final List<CompiledEnvironment> TARGETS = OutputCommitTest.COMPILED.environments()
            .subList(0, 4);

    /** Records every call; refuses one environment and fails writing another, when told to. */
    static final class Recorder implements OutputWrites.Writer<String, IOException> {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final String refuse;
        final String fail;

        Recorder(String refuse, String fail) {
            this.refuse = refuse;
            this.fail = fail;
        }

        @Override
        public Optional<String> problemWith(CompiledEnvironment environment) {
            String name = environment.environment().name();
            calls.add("vet " + name);
            return name.equals(refuse) ? Optional.of("`out/" + name + "` is not storyc's")
                    : Optional.empty();
        }

        @Override
        public String write(CompiledEnvironment environment) throws IOException {
            String name = environment.environment().name();
            calls.add("write " + name);
            if (name.equals(fail)) {
                throw new IOException("disk full at " + name);
            }
            return "wrote " + name;
        }
    }

    static List<String> names() {
        return TARGETS.stream().map(c -> c.environment().name()).toList();
    }

    @Test
    void vetsEveryTargetBeforeWritingAnyThenWritesInOrder() throws IOException {
        Recorder recorder = new Recorder(null, null);

        OutputWrites.Outcome<String> outcome = OutputWrites.writeAll(TARGETS, recorder, 1);

        List<String> expected = new ArrayList<>();
        names().forEach(n -> expected.add("vet " + n));
        names().forEach(n -> expected.add("write " + n));
        assertThat(recorder.calls).containsExactlyElementsOf(expected);
        assertThat(outcome).isEqualTo(new OutputWrites.Outcome.Written<>(
                names().stream().map(n -> "wrote " + n).toList()));
    }

    @Test
    void aRefusalAnywhereWritesNothing() throws IOException {
        String last = names().get(names().size() - 1);
        Recorder recorder = new Recorder(last, null);

        OutputWrites.Outcome<String> outcome = OutputWrites.writeAll(TARGETS, recorder, 3);

        assertThat(recorder.calls).allMatch(c -> c.startsWith("vet "));
        assertThat(outcome)
                .isEqualTo(new OutputWrites.Outcome.Refused<String>(TARGETS.get(TARGETS.size() - 1),
                "`out/" + last + "` is not storyc's"));
    }

    @Test
    void oneJobStopsAtTheFirstFailedWrite() {
        String second = names().get(1);
        Recorder recorder = new Recorder(null, second);

        assertThatThrownBy(() -> OutputWrites.writeAll(TARGETS, recorder, 1))
                .isInstanceOf(IOException.class).hasMessage("disk full at " + second);
        assertThat(recorder.calls).filteredOn(c -> c.startsWith("write "))
                .containsExactly("write " + names().get(0), "write " + second);
    }

    @Test
    void parallelJobsFinishEveryWriteThenThrowTheFirstFailure() {
        String second = names().get(1);
        Recorder recorder = new Recorder(null, second);

        assertThatThrownBy(() -> OutputWrites.writeAll(TARGETS, recorder, 3))
                .isInstanceOf(IOException.class).hasMessage("disk full at " + second);
        assertThat(recorder.calls).filteredOn(c -> c.startsWith("write "))
                .containsExactlyInAnyOrderElementsOf(names().stream().map(n -> "write " + n)
                        .toList());
    }

    @Test
    void aBugInAWriterIsNotSwallowed() {
        OutputWrites.Writer<String, IOException> buggy = new OutputWrites.Writer<>() {
            @Override
            public Optional<String> problemWith(CompiledEnvironment environment) {
                return Optional.empty();
            }

            @Override
            public String write(CompiledEnvironment environment) {
                throw new IllegalStateException("bug");
            }
        };
        assertThatThrownBy(() -> OutputWrites.writeAll(TARGETS, buggy, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }
}
