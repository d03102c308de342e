package dev.storyc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real git servers on 127.0.0.1 for push tests: bare repositories, {@code git daemon} with
 * receive-pack enabled, and smart HTTP with basic authentication through nginx, fcgiwrap and
 * {@code git http-backend}. Each server is a process the test starts and {@link Server#close()}
 * stops; nothing listens beyond loopback.
 */
public final class GitServers {
    private GitServers() {}

    /** A running server: its base URL (ending in '/'), stopped on close. */
    public interface Server extends AutoCloseable {
        String url(String repository);

        @Override
        void close();
    }

    /** Creates a bare repository with {@code main} as its default branch; returns its folder. */
    public static Path bareRepository(Path folder) {
        GitCli.git(folder.getParent() == null ? Path.of(".") : mkdirs(folder.getParent()),
                "init", "--quiet", "--bare", "--initial-branch=main", folder.toString());
        GitCli.git(folder, "config", "http.receivepack", "true");
        return folder;
    }

    /** Returns a file:// URL for a local repository. */
    public static String fileUrl(Path repository) {
        return repository.toAbsolutePath().toUri().toString();
    }

    /** Starts {@code git daemon} serving every repository under {@code base}, pushes included. */
    public static Server gitDaemon(Path base) {
        int port = freePort();
        Path gitCore = Path.of(GitCli.git(base, "--exec-path"));
        List<String> command = List.of(gitCore.resolve("git-daemon").toString(), "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + port, "--base-path=" + base, "--export-all", "--enable=receive-pack",
                "--informative-errors", base.toString());
        Process process = start(command, base.resolve("git-daemon.log"));
        awaitPort(port, process);
        return new ProcessServer("git://127.0.0.1:" + port + "/", List.of(process));
    }

    /** Returns true when nginx, fcgiwrap and git-http-backend are installed. */
    public static boolean smartHttpAvailable() {
        return executable("nginx") != null && executable("fcgiwrap") != null
                && Files.isExecutable(httpBackend());
    }

    /**
     * Starts nginx + fcgiwrap + git http-backend serving every repository under {@code base} over
     * smart HTTP, with basic authentication for {@code user} and {@code password}. Skips the test,
     * saying why, when the Debian packages are not installed (.ci/run installs them).
     */
    public static Server smartHttp(Path base, Path workDir, String user, String password) {
        assumeTrue(smartHttpAvailable(), "nginx, fcgiwrap or git-http-backend is not installed; "
                + "`apt-get install nginx fcgiwrap` (as .ci/run does) to run the smart HTTP tests");
        mkdirs(workDir);
        Path socket = workDir.resolve("fcgiwrap.sock");
        Process fcgiwrap = start(List.of(executable("fcgiwrap").toString(), "-c", "4", "-s", "unix:" + socket),
                workDir.resolve("fcgiwrap.log"));
        awaitFile(socket, fcgiwrap);
        int port = freePort();
        Checkout.write(workDir.resolve("htpasswd"), user + ":{PLAIN}" + password + "\n");
        String runAs = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String config = runAs + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  fastcgi_temp_path %1$s/fastcgi;
                  proxy_temp_path %1$s/proxy;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    client_max_body_size 0;
                    location / {
                      auth_basic "storyc tests";
                      auth_basic_user_file %1$s/htpasswd;
                      fastcgi_pass unix:%3$s;
                      fastcgi_param SCRIPT_FILENAME %4$s;
                      fastcgi_param GIT_PROJECT_ROOT %5$s;
                      fastcgi_param GIT_HTTP_EXPORT_ALL "";
                      fastcgi_param PATH_INFO $uri;
                      fastcgi_param QUERY_STRING $query_string;
                      fastcgi_param REQUEST_METHOD $request_method;
                      fastcgi_param CONTENT_TYPE $content_type;
                      fastcgi_param CONTENT_LENGTH $content_length;
                      fastcgi_param REMOTE_USER $remote_user;
                      fastcgi_param REMOTE_ADDR $remote_addr;
                      fastcgi_param GATEWAY_INTERFACE CGI/1.1;
                      fastcgi_param SERVER_PROTOCOL $server_protocol;
                    }
                  }
                }
                """.formatted(workDir, port, socket, httpBackend(), base);
        Path configFile = Checkout.write(workDir.resolve("nginx.conf"), config);
        Process nginx = start(List.of(executable("nginx").toString(), "-p", workDir.toString(), "-e",
                workDir.resolve("error.log").toString(), "-c", configFile.toString()), workDir.resolve("nginx.log"));
        awaitPort(port, nginx);
        return new ProcessServer("http://127.0.0.1:" + port + "/", List.of(nginx, fcgiwrap));
    }

    private static Path httpBackend() {
        return Path.of(GitCli.git(Path.of("."), "--exec-path")).resolve("git-http-backend");
    }

    private static Path executable(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Process start(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitPort(int port, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before listening");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nothing listened on 127.0.0.1:" + port + " within 20 s");
    }

    private static void awaitFile(Path file, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + file + "` did not appear");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path mkdirs(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ProcessServer(String base, List<Process> processes) implements Server {
        @Override
        public String url(String repository) {
            return base + repository;
        }

        @Override
        public void close() {
            for (Process process : new ArrayList<>(processes)) {
                // fcgiwrap -c 4 forks its workers; ending only the parent would orphan them.
                List<ProcessHandle> children = process.descendants().toList();
                process.destroy();
                children.forEach(ProcessHandle::destroy);
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
