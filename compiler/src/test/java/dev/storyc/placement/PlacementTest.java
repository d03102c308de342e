package dev.storyc.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The placement rules as values: folders, remotes and branches in, located diagnostics out. */
class PlacementTest {
    static final Path WORKSPACE = Path.of("/w/acme");
    static final Position SETTING = Position.of("storyc.toml", 1, 1);
    static final Predicate<String> ANY_BRANCH = branch -> true;

    @ParameterizedTest(name = "output root {0} (explicit: {1}) -> {2}")
    @CsvSource({
        "/w/acme/out,       false, ''",
        "/w/acme/build/out, false, ''",
        "/w/x,              false, E0702",
        "/tmp/out,          false, E0702",
        "/tmp/out,          true,  ''",
        "/w/acme,           false, E0703",
        "/w/acme,           true,  E0703",
        "/w,                true,  E0703",
        "/w/acme/stories,   false, E0704",
        "/w/acme/stories/a, true,  E0704",
        "/w/acme/.git/out,  false, E0704",
        "/w/acme/releases,  false, E0704",
    })
    void theOutputRoot(String root, boolean explicit, String code) {
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        new OutputRoot(Path.of(root), SETTING, explicit),
                        List.of(target("production", Path.of(root).resolve("production"), false)),
                        List.of(),
                        ANY_BRANCH);
        assertThat(found.stream().map(d -> d.code().id() + " " + d.position()).toList())
                .containsExactlyElementsOf(
                        code.isEmpty() ? List.of() : List.of(code + " storyc.toml:1:1"));
    }

    @ParameterizedTest(name = "output.path {0} -> {1}")
    @CsvSource({
        "out/integration,          ''",
        "out/a/b,                  ''",
        ".,                        E0703",
        "out/..,                   E0703",
        "stories/x,                E0704",
        "releases,                 E0704",
        "partials/p,               E0704",
        ".git,                     E0704",
        "out/.git,                 E0704",
        "out/x/.git/y,             E0704",
        "environments.toml,        E0704",
        "shared/envs.toml,         E0704",
        "shared,                   E0704",
        "out,                      E0705",
        "build/integration,        E0705",
        "out/production,           E0706",
        "out/production/nested,    E0706",
    })
    void anOutputPath(String path, String code) {
        Position at = Position.of("environments.toml", 9, 1);
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        root(),
                        List.of(
                                target("production", WORKSPACE.resolve("out/production"), false),
                                new OutputTarget(
                                        "integration",
                                        WORKSPACE.resolve(path),
                                        true,
                                        at,
                                        Optional.empty(),
                                        at,
                                        "main",
                                        at)),
                        List.of("environments.toml", "shared/envs.toml"),
                        ANY_BRANCH);
        assertThat(found.stream().map(d -> d.code().id() + " " + d.position()).toList())
                .containsExactlyElementsOf(
                        code.isEmpty() ? List.of() : List.of(code + " environments.toml:9:1"));
    }

    @Test
    void aSharedFolderPointsAtTheWrittenPathAndNamesTheOther() {
        Position written = Position.of("environments.toml", 9, 1);
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        root(),
                        List.of(
                                new OutputTarget(
                                        "a-env",
                                        WORKSPACE.resolve("out/z-env"),
                                        true,
                                        written,
                                        Optional.empty(),
                                        written,
                                        "main",
                                        written),
                                target("z-env", WORKSPACE.resolve("out/z-env"), false)),
                        List.of(),
                        ANY_BRANCH);
        assertThat(found)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.position()).isEqualTo(written);
                            assertThat(d.message())
                                    .isEqualTo(
                                            "`a-env` has the same output folder `out/z-env` as"
                                                + " `z-env`: one environment's commit would land in"
                                                + " the other's history");
                            assertThat(d.related())
                                    .singleElement()
                                    .satisfies(
                                            r ->
                                                    assertThat(r.position())
                                                            .isEqualTo(
                                                                    Position.of(
                                                                            "environments.toml",
                                                                            1,
                                                                            1)));
                        });
    }

    @ParameterizedTest(name = "{0} and {1} are one remote: {2}")
    @CsvSource({
        "https://github.com/acme/out.git,       https://TOKEN@GitHub.com/acme/out/,     true",
        "https://github.com/acme/out,           https://github.com/acme/out.git,        true",
        "git@github.com:acme/out.git,           alice@GitHub.com:acme/out,              true",
        "ssh://git@host/acme/out.git,           SSH://host/acme/out,                    true",
        "file:///srv/git/out.git,               file:///srv/git/out,                    true",
        "https://github.com/acme/out,           https://github.com/acme/Out,            false",
        "https://github.com/acme/prod,          https://github.com/acme/acc,            false",
        "git@github.com:acme/out.git,           https://github.com/acme/out.git,        false",
        "file:///r/shared.git,                  file:///r/./shared.git,                 true",
        "file:///r/shared.git,                  file:///r//shared.git,                  true",
        "file:///r/shared.git,                  file:///r/x/../shared.git,              true",
        "https://host/acme/out.git,             https://host:443/acme/out.git,          true",
        "http://host/acme/out.git,              http://host:80/acme/out.git,            true",
        "ssh://git@host/acme/out.git,           ssh://git@host:22/acme/out.git,         true",
        "https://host/acme/out.git,             https://host/acme/%6Fut.git,            true",
        "https://host/acme/out.git,             https://host:8443/acme/out.git,         false",
        "https://host/acme/a%2Fb.git,           https://host/acme/a/b.git,              false",
        "git@host:acme/out.git,                 git@host:acme/./out.git,                true",
    })
    void remotesCompareByIdentity(String first, String second, boolean same) {
        Position a = Position.of("environments.toml", 3, 1);
        Position b = Position.of("environments.toml", 7, 1);
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        root(),
                        List.of(
                                new OutputTarget(
                                        "a",
                                        WORKSPACE.resolve("out/a"),
                                        false,
                                        a,
                                        Optional.of(first),
                                        a,
                                        "main",
                                        a),
                                new OutputTarget(
                                        "b",
                                        WORKSPACE.resolve("out/b"),
                                        false,
                                        b,
                                        Optional.of(second),
                                        b,
                                        "main",
                                        b)),
                        List.of(),
                        ANY_BRANCH);
        assertThat(found.stream().map(d -> d.code().id() + " " + d.position()).toList())
                .isEqualTo(same ? List.of("E0707 environments.toml:7:1") : List.of());
    }

    @Test
    void aBranchTheRuleRefusesIsLocatedAtItsField() {
        Position branchAt = Position.of("environments.toml", 12, 1);
        OutputTarget target =
                new OutputTarget(
                        "integration",
                        WORKSPACE.resolve("out/integration"),
                        false,
                        Position.of("environments.toml", 10, 1),
                        Optional.empty(),
                        branchAt,
                        "main.lock",
                        branchAt);
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        root(),
                        List.of(target),
                        List.of(),
                        branch -> !branch.endsWith(".lock"));
        assertThat(found)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.code().id()).isEqualTo("E0708");
                            assertThat(d.position()).isEqualTo(branchAt);
                        });
    }

    @Test
    void aBadRootIsReportedOnceNotOncePerEnvironment() {
        OutputRoot root = new OutputRoot(WORKSPACE, SETTING, false);
        List<Diagnostic> found =
                Placement.check(
                        WORKSPACE,
                        root,
                        List.of(
                                target("a", WORKSPACE.resolve("a"), false),
                                target("b", WORKSPACE.resolve("b"), false)),
                        List.of(),
                        ANY_BRANCH);
        assertThat(found).extracting(d -> d.code().id()).containsExactly("E0703");
    }

    private static OutputRoot root() {
        return new OutputRoot(WORKSPACE.resolve("out"), SETTING, false);
    }

    private static OutputTarget target(String environment, Path folder, boolean fromOutputPath) {
        Position at = Position.of("environments.toml", 1, 1);
        return new OutputTarget(
                environment, folder, fromOutputPath, at, Optional.empty(), at, "main", at);
    }
}
