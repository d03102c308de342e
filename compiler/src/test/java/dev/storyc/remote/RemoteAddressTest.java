package dev.storyc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one split of a remote address that every reader of credentials uses. */
class RemoteAddressTest {
    @Test
    void splitsAtTheAuthoritysLastAtSoAPasswordMayHoldOne() {
        RemoteAddress address = RemoteAddress.url("https://ci:p@ss:w@Git.Example:8443/acme/out.git?x=1").orElseThrow();

        assertThat(address.scheme()).isEqualTo("https://");
        assertThat(address.userInfo()).contains("ci:p@ss:w");
        assertThat(address.user()).contains("ci");
        assertThat(address.password()).contains("p@ss:w");
        assertThat(address.host()).isEqualTo("Git.Example:8443");
        assertThat(address.rest()).isEqualTo("/acme/out.git?x=1");
        assertThat(address.withUserInfo(Optional.empty())).isEqualTo("https://Git.Example:8443/acme/out.git?x=1");
        assertThat(address.withUserInfo(address.user())).isEqualTo("https://ci@Git.Example:8443/acme/out.git?x=1");
    }

    @Test
    void anAtInThePathIsNoUserAndAnEmptyUserIsNone() {
        RemoteAddress path = RemoteAddress.url("ssh://host/srv/a@b.git").orElseThrow();
        assertThat(path.userInfo()).isEmpty();
        assertThat(path.host()).isEqualTo("host");
        assertThat(path.rest()).isEqualTo("/srv/a@b.git");

        RemoteAddress token = RemoteAddress.url("https://:tok@host").orElseThrow();
        assertThat(token.user()).isEmpty();
        assertThat(token.password()).contains("tok");
        assertThat(token.rest()).isEmpty();
        assertThat(RemoteAddress.url("https://ghp_abc@host/x").orElseThrow().password()).isEmpty();
        assertThat(RemoteAddress.url("GIT+SSH://git@host/x").orElseThrow().schemeName()).isEqualTo("git+ssh");
    }

    @Test
    void anAddressWithoutASchemeIsNotAUrl() {
        assertThat(RemoteAddress.url("git@github.com:acme/out.git")).isEmpty();
        assertThat(RemoteAddress.url("/srv/git/out.git")).isEmpty();
        assertThat(RemoteAddress.url("://host/x")).isEmpty();
    }
}
