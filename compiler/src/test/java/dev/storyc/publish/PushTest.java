package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storyc push} against real remotes on 127.0.0.1: file://, git daemon and smart HTTP. */
class PushTest {
    static final String TOKEN = "s3cr3t-t0ken-for-tests";

    @TempDir
    Path temp;

    @Test
    void pushesToABareRepositoryOverFileUrls() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = workspaceWithRemote(GitServers.fileUrl(remote));

        assertPushes(workspace, remote, Map.of());
    }

    @Test
    void pushesToGitDaemon() {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        try (GitServers.Server daemon = GitServers.gitDaemon(base)) {
            Path workspace = workspaceWithRemote(daemon.url("production.git"));
            assertPushes(workspace, remote, Map.of());
        }
    }

    @Test
    void pushesOverSmartHttpWithATokenFromTheEnvironment() {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        try (GitServers.Server http = GitServers.smartHttp(base, temp.resolve("nginx"), "ci-bot", TOKEN)) {
            Path workspace = workspaceWithRemote(http.url("production.git").replace("http://", "http://ci-bot@"));
            assertPushes(workspace, remote, Map.of("STORYC_GIT_TOKEN", TOKEN));
        }
    }

    @Test
    void theTokenVariableCanBeRenamed() {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        try (GitServers.Server http = GitServers.smartHttp(base, temp.resolve("nginx"), "ci-bot", TOKEN)) {
            Path workspace = workspaceWithRemote(http.url("production.git").replace("http://", "http://ci-bot@"));
            assertPushes(workspace, remote, Map.of("STORYC_GIT_TOKEN_ENV", "DEPLOY_TOKEN", "DEPLOY_TOKEN", TOKEN));
        }
    }

    @Test
    void aWrongTokenFailsWithExit3AndAMessageWithoutTheToken() {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        try (GitServers.Server http = GitServers.smartHttp(base, temp.resolve("nginx"), "ci-bot", TOKEN)) {
            // A password in a remote URL comes from the process by reference; a literal one is E0218.
            String url = http.url("production.git")
                    .replace("http://", "http://ci-bot:${env:INLINE_PASSWORD}@");
            Path workspace = workspaceWithRemote(url);
            Map<String, String> inline = Map.of("INLINE_PASSWORD", "inline-password");
            assertThat(Storyc.run(workspace, inline, "compile", "--env", "production").exitCode()).isZero();

            String wrong = "wrong-" + TOKEN;
            Storyc.Outcome push = Storyc.run(workspace,
                    Map.of("STORYC_GIT_TOKEN", wrong, "INLINE_PASSWORD", "inline-password"),
                    "push", "--env", "production");

            assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
            assertThat(push.stderr()).contains("refused storyc's credentials for `production`")
                    .contains("the token in $STORYC_GIT_TOKEN was refused")
                    .contains("http://***@127.0.0.1:");
            assertThat(push.stdout() + push.stderr()).doesNotContain(wrong).doesNotContain(TOKEN)
                    .doesNotContain("inline-password").doesNotContain("ci-bot");
            assertThat(GitCli.run(remote, "rev-parse", "--verify", "-q", "refs/heads/main").exitCode()).isNotZero();

            Storyc.Outcome none = Storyc.run(workspace, inline, "push", "--env", "production");
            assertThat(none.exitCode()).as(none.toString()).isEqualTo(3);
            assertThat(none.stderr()).contains("set $STORYC_GIT_TOKEN to a token");
        }
    }

    @Test
    void sshGoesThroughJgitsMinaClientAndItsErrorsNameNoUser() {
        Path workspace = workspaceWithRemote("ssh://deploy-user@127.0.0.1:1/production.git");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
        assertThat(push.stderr()).contains("cannot fetch from the remote ssh://***@127.0.0.1:1/production.git")
                .contains(": nothing accepts connections there (connection refused)")
                .doesNotContain("deploy-user").doesNotContain("DefaultConnectFuture");
    }

    @Test
    void aHostThatDoesNotResolveIsSaidInWordsNotInTheSshClientsInternals() {
        Path workspace = workspaceWithRemote("ssh://deploy-user@no-such-host.invalid/production.git");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
        assertThat(push.stderr()).contains("cannot fetch from the remote ssh://***@no-such-host.invalid/production.git"
                        + " of `production`: the host name does not resolve")
                .doesNotContain("UnresolvedAddressException");
    }

    @Test
    void anAddressHolding401IsNoReasonToBlameTheCredentials() {
        Path workspace = workspaceWithRemote("ssh://deploy-user@127.0.0.1:1/team-401/production.git");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
        assertThat(push.stderr())
                .contains("cannot fetch from the remote ssh://***@127.0.0.1:1/team-401/production.git")
                .doesNotContain("refused storyc's credentials");
    }

    @Test
    void aHookThatRefusesIsQuotedSoTheUserSeesWhy() throws Exception {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        Path hook = remote.resolve("hooks/pre-receive");
        java.nio.file.Files.writeString(hook,
                "#!/bin/sh\necho 'policy: pushes to this repository are frozen (OPS-77)' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        try (GitServers.Server daemon = GitServers.gitDaemon(base)) {
            Path workspace = workspaceWithRemote(daemon.url("production.git"));
            assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

            Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

            assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
            assertThat(push.stderr())
                    .contains("error: the remote refused the push of `production` to ")
                    .contains("(rejected: pre-receive hook declined); nothing was forced\n"
                            + "the remote said:\n  policy: pushes to this repository are frozen (OPS-77)\n")
                    .doesNotContain("REJECTED_OTHER_REASON");
            assertThat(GitCli.run(remote, "rev-parse", "--verify", "-q", "refs/heads/main").exitCode()).isNotZero();
        }
    }

    @Test
    void aSecondPushWithNothingNewIsUpToDate() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = workspaceWithRemote(GitServers.fileUrl(remote));
        assertPushes(workspace, remote, Map.of());

        Storyc.Outcome again = Storyc.run(workspace, "push", "--env", "production");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("up-to-date production");
    }

    @Test
    void aFetchBeforeAPushNeverCollectsTheOutputRepository() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = workspaceWithRemote(GitServers.fileUrl(remote));
        Path local = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        assertThat(Storyc.run(workspace, "push", "--env", "production").exitCode()).isZero();
        git(local, "repack", "-d", "-q");
        for (String change : List.of("second compile", "third compile")) {
            Workspaces.changeSource(workspace, change);
            assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
            git(local, "repack", "-d", "-q");
        }
        // Three packs, one more than JGit's `gc --auto` allows over gc.autoPackLimit, and settings
        // under which it would join them at once, in the foreground, so that a collection after the
        // fetch would show rather than race the test.
        git(local, "config", "gc.autoPackLimit", "1");
        git(local, "config", "gc.autoDetach", "false");
        long packs = packs(local);
        assertThat(packs).isEqualTo(3);

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(packs(local)).as("a collection would have joined the packs").isEqualTo(packs);
        assertThat(local.resolve(".git/gc.log.lock")).doesNotExist();
        assertThat(git(local, "config", "--get", "gc.autoDetach")).isEqualTo("false");
        assertThat(GitCli.run(local, "config", "--get", "fetch.autogc").exitCode())
                .as("the fetch's setting is never saved").isNotZero();
    }

    /** Returns how many packs {@code git count-objects -v} counts in a repository. */
    private static long packs(Path repository) {
        return git(repository, "count-objects", "-v").lines()
                .filter(line -> line.startsWith("packs: "))
                .mapToLong(line -> Long.parseLong(line.substring("packs: ".length())))
                .sum();
    }

    @Test
    void pushingACompileOfUncommittedChangesWarnsButPushes() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = workspaceWithRemote(GitServers.fileUrl(remote));
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "Start");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Storyc.Outcome clean = Storyc.run(workspace, "push", "--env", "production");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.stderr()).doesNotContain("uncommitted");

        Workspaces.changeSource(workspace, "an edit nobody committed");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Storyc.Outcome dirty = Storyc.run(workspace, "push", "--env", "production");

        assertThat(dirty.exitCode()).as(dirty.toString()).isZero();
        assertThat(dirty.stderr()).contains("warning: production: pushed a commit compiled from uncommitted changes")
                .contains(git(remote, "rev-parse", "--short=12", "main") + " (Storyc-Source: "
                        + git(workspace, "rev-parse", "HEAD") + "+dirty)");
    }

    @Test
    void pushingBeforeCompilingExplainsWhatToDo() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = workspaceWithRemote(GitServers.fileUrl(remote));

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).isEqualTo(3);
        assertThat(push.stderr()).contains("is not an output repository yet").contains("run `storyc compile`");
    }

    @Test
    void anEnvironmentWithoutARemoteIsSkippedWithAllAndAnErrorWhenNamed() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();

        Storyc.Outcome named = Storyc.run(workspace, "push", "--env", "integration");
        assertThat(named.exitCode()).as("a mistake in what was named, not an operation that failed").isEqualTo(2);
        assertThat(named.stderr()).contains("`integration` has no output.remote").doesNotContain("pushed,");

        Storyc.Outcome all = Storyc.run(workspace, "push", "--all");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.stdout()).contains("skipped    integration      no output.remote");
    }

    private Path workspaceWithRemote(String url) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", url);
        return workspace;
    }

    /** Compiles and pushes production twice (two commits) and checks the remote has both, fsck clean. */
    private void assertPushes(Path workspace, Path remote, Map<String, String> environment) {
        Path local = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Storyc.Outcome first = Storyc.run(workspace, environment, "push", "--env", "production");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("pushed     production");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(git(local, "rev-parse", "main"));

        Workspaces.changeSource(workspace, "second compile");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Storyc.Outcome second = Storyc.run(workspace, environment, "push", "--env", "production");
        assertThat(second.exitCode()).as(second.toString()).isZero();

        assertThat(git(remote, "rev-parse", "main")).isEqualTo(git(local, "rev-parse", "main"));
        assertThat(git(remote, "rev-list", "--count", "main")).isEqualTo("2");
        assertThat(GitCli.run(remote, "fsck", "--full", "--strict").exitCode()).isZero();
        assertThat(first.stdout() + first.stderr() + second.stdout() + second.stderr()).doesNotContain(TOKEN);
    }
}
