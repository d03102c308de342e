package dev.storyc.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The storyc processes writing one output repository, each registered by a small file in {@code
 * .git/storyc-writers/} that names its process id, host and start time. A process registers before
 * it takes any lock and removes its file when it is done, so a registration whose process is gone
 * proves that a storyc writer was killed here, and that the locks it may have left are orphans: no
 * waiting out a timeout when nothing is writing.
 *
 * <p>A process is known dead only on the same host (same hostname), when no process has its id or
 * the process with its id started at another instant (the id was reused). A registration from
 * another host (a shared file system) is never assumed dead.
 */
final class Writers {
    static final String FOLDER = "storyc-writers";
    private static final String HOST = hostName();

    /** One registration: the file and what it says. */
    record Writer(Path file, long pid, String host, Optional<Instant> started) {
        boolean isDead() {
            if (!host.equals(HOST)) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Optional<Instant> actual = process.get().info().startInstant();
            return started.isPresent() && actual.isPresent() && !started.get().equals(actual.get());
        }

        String describe() {
            return "storyc process " + pid + " on " + host;
        }
    }

    private final Path folder;
    private final Path self;
    private final Instant registeredAt;

    private Writers(Path folder, Path self, Instant registeredAt) {
        this.registeredAt = registeredAt;
        this.folder = folder;
        this.self = self;
    }

    /** Registers this process as a writer of the repository in {@code gitDir}. */
    static Writers register(Path gitDir) throws IOException {
        Path folder = gitDir.resolve(FOLDER);
        Files.createDirectories(folder);
        Instant now = Instant.now();
        ProcessHandle me = ProcessHandle.current();
        Path file = folder.resolve(HOST + "-" + me.pid() + "-" + UUID.randomUUID());
        Path temporary = folder.resolve(file.getFileName() + ".tmp");
        String text =
                "pid="
                        + me.pid()
                        + "\nhost="
                        + HOST
                        + "\nstarted="
                        + me.info().startInstant().map(Instant::toString).orElse("")
                        + "\n";
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Writers(folder, file, now);
    }

    /**
     * Returns when this process registered. A lock written later may belong to a writer that
     * registered after this one looked, so only older locks are ever taken for a dead writer's.
     */
    Instant registeredAt() {
        return registeredAt;
    }

    /** Returns every other registration, read now. */
    List<Writer> others() {
        List<Writer> writers = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> !f.equals(self) && !f.toString().endsWith(".tmp")).toList()) {
                read(file).ifPresent(writers::add);
            }
        } catch (IOException e) {
            // An unreadable folder proves nothing dead; the callers fall back to the age of a lock.
        }
        return writers;
    }

    /** Returns true when another registered writer may be alive. */
    boolean othersAlive() {
        return others().stream().anyMatch(writer -> !writer.isDead());
    }

    /** Removes this process's registration; called when it has released every lock. */
    void unregister() {
        try {
            Files.deleteIfExists(self);
        } catch (IOException e) {
            // A leftover registration of a process that ended is exactly what a killed one leaves.
        }
    }

    static void forget(Writer writer) {
        try {
            Files.deleteIfExists(writer.file());
        } catch (IOException e) {
            // Left for the next run, which finds the same dead process.
        }
    }

    private static Optional<Writer> read(Path file) {
        try {
            Properties properties = new Properties();
            properties.load(
                    new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String started = properties.getProperty("started", "");
            return Optional.of(
                    new Writer(
                            file,
                            Long.parseLong(properties.getProperty("pid", "-1")),
                            properties.getProperty("host", ""),
                            started.isEmpty()
                                    ? Optional.empty()
                                    : Optional.of(Instant.parse(started))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
