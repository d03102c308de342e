package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** User-info never leaves a RemoteUrl unredacted. */
class RemoteUrlTest {
    @Test
    void redactsUserInfoInEveryForm() {
        assertThat(new RemoteUrl("https://bot:ghp_secret@github.com/acme/out.git").redacted())
                .isEqualTo("https://***@github.com/acme/out.git");
        assertThat(new RemoteUrl("ssh://git@example.com:2222/acme/out.git").redacted())
                .isEqualTo("ssh://***@example.com:2222/acme/out.git");
        assertThat(new RemoteUrl("git@github.com:acme/out.git").redacted()).isEqualTo("***@github.com:acme/out.git");
        assertThat(new RemoteUrl("file:///srv/git/out.git").redacted()).isEqualTo("file:///srv/git/out.git");
        assertThat(new RemoteUrl("https://t@x.io/r").toString()).isEqualTo("https://***@x.io/r");
    }

    @Test
    void redactsUrlsInsideOtherMessages() {
        assertThat(RemoteUrl.redact("https://u:p@host/repo.git: not authorized"))
                .isEqualTo("https://***@host/repo.git: not authorized");
        // A password that holds @ or / is masked whole, not up to its first @ or /.
        assertThat(RemoteUrl.redact("https://u:p@ss/w@host/repo.git: not authorized"))
                .isEqualTo("https://***@host/repo.git: not authorized");
        assertThat(new GitCredentials("T", Optional.of("tok123")).scrub("bad tok123 here")).isEqualTo("bad *** here");
        assertThat(new GitCredentials("T", Optional.of("tok123")).toString()).doesNotContain("tok123");
    }

    @Test
    void scrubsItsOwnUserAndPasswordInAnyForm() {
        RemoteUrl url = new RemoteUrl("ssh://deploy:hunter2@127.0.0.1:22/out.git");
        assertThat(url.scrub("DefaultConnectFuture[deploy@/127.0.0.1:22] failed; password hunter2"))
                .isEqualTo("DefaultConnectFuture[***@/127.0.0.1:22] failed; password ***");
    }

    @Test
    void knowsTheUserAndTheProtocolFamily() {
        assertThat(new RemoteUrl("https://ci-bot:x@h/r").user()).contains("ci-bot");
        assertThat(new RemoteUrl("https://h/r").user()).isEmpty();
        assertThat(new RemoteUrl("git@h:r").user()).contains("git");
        assertThat(new RemoteUrl("git@h:r").isSsh()).isTrue();
        assertThat(new RemoteUrl("ssh://h/r").isSsh()).isTrue();
        assertThat(new RemoteUrl("HTTPS://h/r").isHttp()).isTrue();
        assertThat(new RemoteUrl("git://h/r").isHttp()).isFalse();
    }
}
