package dev.storyc.compile;

import dev.storyc.emit.CompiledEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The write step that {@code compile} and {@code ci} share: every target is vetted before any is
 * written, so a folder storyc may not write into stops the run with every repository untouched;
 * then each target is written. The vetting and the writing are the edge's ({@link Writer});
 * this class owns only the order, which is the promise "nothing half-updated" rests on.
 */
public final class OutputWrites {
    private OutputWrites() {}

    /**
     * How one command writes an environment's output.
     *
     * @param <R> what writing one environment returns (a row of the command's report)
     * @param <X> the exception that stops the whole run
     */
    public interface Writer<R, X extends Exception> {
        /** Returns why the environment's output may not be written, or empty when it may. */
        Optional<String> problemWith(CompiledEnvironment environment);

        /** Writes one environment's output. */
        R write(CompiledEnvironment environment) throws X;
    }

    /** What the run did. */
    public sealed interface Outcome<R> {
        /** Nothing was written, because this environment's output may not be. */
        record Refused<R>(CompiledEnvironment environment, String problem) implements Outcome<R> {}

        /** Every environment was written; its results are in the targets' order. */
        record Written<R>(List<R> results) implements Outcome<R> {}
    }

    /**
     * Vets every target, then writes each. One job writes in order and stops at the first
     * exception; more jobs write at once, and the first failed target's exception (in the targets'
     * order) is thrown once all have finished, so no write is abandoned half-way.
     */
    public static <R, X extends Exception> Outcome<R> writeAll(List<CompiledEnvironment> targets,
            Writer<R, X> writer, int jobs) throws X {
        for (CompiledEnvironment target : targets) {
            Optional<String> problem = writer.problemWith(target);
            if (problem.isPresent()) {
                return new Outcome.Refused<>(target, problem.get());
            }
        }
        if (jobs <= 1) {
            List<R> results = new ArrayList<>();
            for (CompiledEnvironment target : targets) {
                results.add(writer.write(target));
            }
            return new Outcome.Written<>(results);
        }
        List<Callable<Attempt<R>>> tasks = targets.stream()
                .map(target -> (Callable<Attempt<R>>) () -> attempt(writer, target)).toList();
        List<R> results = new ArrayList<>();
        for (Attempt<R> attempt : Parallel.all(tasks, jobs)) {
            if (attempt.failure() != null) {
                throw OutputWrites.<X>rethrow(attempt.failure());
            }
            results.add(attempt.result());
        }
        return new Outcome.Written<>(results);
    }

    /** A write's result, or the checked exception it threw (unchecked ones propagate as bugs). */
    private record Attempt<R>(R result, Exception failure) {}

    private static <R, X extends Exception> Attempt<R> attempt(Writer<R, X> writer,
            CompiledEnvironment target) {
        try {
            return new Attempt<>(writer.write(target), null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return new Attempt<>(null, e);
        }
    }

    /** Returns {@code e} as the writer's exception type: only the writer's X can reach here. */
    @SuppressWarnings("unchecked")
    private static <X extends Exception> X rethrow(Exception e) {
        return (X) e;
    }
}
