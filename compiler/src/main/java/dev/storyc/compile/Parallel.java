package dev.storyc.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on up to N threads and returns their results in the tasks' order. A task's
 * unchecked exception or error is rethrown as is, so a bug in one environment's compile still
 * reaches the exit-70 handler with its own stack.
 */
public final class Parallel {
    private Parallel() {}

    /** Returns every task's result in the tasks' order; one job runs them on this thread. */
    public static <R> List<R> all(List<Callable<R>> tasks, int jobs) {
        if (jobs <= 1 || tasks.size() <= 1) {
            List<R> results = new ArrayList<>();
            for (Callable<R> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, tasks.size()));
        try {
            List<Future<R>> futures = tasks.stream().map(pool::submit).toList();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(join(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R call(Callable<R> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
