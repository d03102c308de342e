package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Result;
import dev.storyc.settings.Setting;
import dev.storyc.settings.Settings;
import dev.storyc.settings.SettingsLoader;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -D beats STORYC_*, which beats the user's config.toml, which beats storyc.toml, then defaults. */
class SettingsStackTest {

    @Test
    void eachLayerBeatsTheOnesBelowIt(@TempDir Path temp) {
        Path workspace = temp.resolve("ws");
        Checkout.write(workspace.resolve("storyc.toml"), "developer = \"workspace\"\njobs = 2\noutput = \"build\"\n");
        Path home = temp.resolve("home");
        Checkout.write(home.resolve(".config/storyc/config.toml"), "developer = \"user\"\njobs = 3\n");
        Map<String, String> env = Map.of("HOME", home.toString(), "STORYC_DEVELOPER", "variable");

        Settings all = load(env, List.of("developer=flag"), workspace).get();
        assertThat(all.developer()).contains("flag");
        assertThat(all.get(Setting.DEVELOPER).orElseThrow().source()).isEqualTo("-D developer on the command line");
        Settings noFlag = load(env, List.of(), workspace).get();
        assertThat(noFlag.developer()).contains("variable");
        assertThat(noFlag.jobs()).isEqualTo(3);
        assertThat(noFlag.get(Setting.JOBS).orElseThrow().source()).isEqualTo("~/.config/storyc/config.toml:2:1");
        assertThat(noFlag.output()).isEqualTo("build");
        assertThat(noFlag.get(Setting.OUTPUT).orElseThrow().source()).isEqualTo("storyc.toml:3:1");
        Settings userFile = load(Map.of("HOME", home.toString()), List.of(), workspace).get();
        assertThat(userFile.developer()).contains("user");
        Settings workspaceOnly = load(Map.of(), List.of(), workspace).get();
        assertThat(workspaceOnly.developer()).contains("workspace");
        Settings defaults = load(Map.of(), List.of(), temp.resolve("empty")).get();
        assertThat(defaults.developer()).isEmpty();
        assertThat(defaults.color()).isEqualTo("auto");
        assertThat(defaults.output()).isEqualTo("out");
        assertThat(defaults.gitTokenVariable()).isEqualTo("STORYC_GIT_TOKEN");
    }

    @Test
    void xdgConfigHomeWinsOverHome(@TempDir Path temp) {
        Checkout.write(temp.resolve("xdg/storyc/config.toml"), "developer = \"xdg\"\n");
        Checkout.write(temp.resolve("home/.config/storyc/config.toml"), "developer = \"home\"\n");
        Settings settings = load(Map.of("HOME", temp.resolve("home").toString(),
                "XDG_CONFIG_HOME", temp.resolve("xdg").toString()), List.of(), temp).get();
        assertThat(settings.developer()).contains("xdg");
    }

    @Test
    void badSettingsAreDiagnosedWhereTheyWereSet(@TempDir Path temp) {
        Checkout.write(temp.resolve("storyc.toml"), "developr = \"alice\"\njobs = \"many\"\n");
        Result<Settings> result = load(Map.of("STORYC_PROD_WAREHOUSE_PASSWORD", "not a setting"), List.of(), temp);
        assertThat(result.ok()).isFalse();
        assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message()
                + " / " + d.hint().orElse("")).containsExactly(
                "E0224 storyc.toml:1:1 `developr` is not a setting / did you mean `developer`?",
                "E0225 storyc.toml:2:1 setting `jobs` is `many`, which is not a number of jobs from 1 to 999"
                        + " / set by storyc.toml:2:1");
        for (String url : List.of("jdbc:postgresql://127.0.0.1:99999/x", "jdbc:postgresql://127.0.0.1:0/x",
                "jdbc:postgresql://h/x?options=%zz", "jdbc:postgresql://h/x?password=p", "jdbc:mysql://h/x",
                "jdbc:postgresql://h/x?sslmode=require&user=postgres")) {
            assertThat(load(Map.of(), List.of("warehouse.url=" + url), temp.resolve("none")).diagnostics())
                    .as(url).extracting(d -> d.code().id()).containsExactly("E0225");
        }
        for (String url : List.of("jdbc:postgresql://127.0.0.1:65535/x", "jdbc:postgresql://h/x?sslmode=require",
                "jdbc:postgresql://a:1,b:2/x?options=-c%20search_path%3Dx", "jdbc:postgresql://[::1]:5432/x",
                "jdbc:postgresql://h/")) {
            assertThat(load(Map.of(), List.of("warehouse.url=" + url), temp.resolve("none")).ok()).as(url).isTrue();
        }
        for (String url : List.of("jdbc:postgresql://ann:Secret99@h:5432/x", "jdbc:postgresql://:Secret99@h/x",
                "jdbc:postgresql://ann:Zm9v/Secret99+@h:5432/x", "jdbc:postgresql://ann:pa#Secret99?@x@h/x",
                "jdbc:postgresql://h/x?user=ann&password=Secret99")) {
            assertThat(load(Map.of(), List.of("warehouse.url=" + url), temp.resolve("none")).diagnostics())
                    .as(url).singleElement().satisfies(d -> assertThat(d.message()).contains("****")
                            .doesNotContain("Secret99"));
        }
        Result<Settings> flag = load(Map.of(), List.of("jobz=2"), temp.resolve("none"));
        assertThat(flag.diagnostics().get(0).message()).isEqualTo("`jobz` is not a setting");
    }

    @Test
    void settingsAreDataNotTemplates(@TempDir Path temp) {
        Result<Settings> result = load(Map.of(), List.of("output=${file:UTF-8:/etc/hostname}"), temp);
        assertThat(result.get().output()).isEqualTo("${file:UTF-8:/etc/hostname}");
    }

    @Test
    void theDeveloperSettingPicksTheDefaultEnvironment(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Path home = temp.resolve("home");
        Checkout.write(home.resolve(".config/storyc/config.toml"), "developer = \"alice\"\n");
        Storyc.Outcome fromFile = Storyc.run(workspace, Map.of("HOME", home.toString()), "check");
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(fromFile.stdout()).contains("dev-alice").doesNotContain("dev-bob");
        Storyc.Outcome fromFlag = Storyc.run(workspace, Map.of("HOME", home.toString()), "-D", "developer=bob", "check");
        assertThat(fromFlag.stdout()).contains("dev-bob").doesNotContain("dev-alice");
        Storyc.Outcome unknown = Storyc.run(workspace, Map.of(), "-D", "developer=carol", "check");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("your developer environment `dev-carol` is not defined")
                .contains("add `carol = {}` under [developers]").contains("-D developer on the command line");
        Storyc.Outcome badFlag = Storyc.run(workspace, Map.of(), "-D", "colour=never", "env", "list");
        assertThat(badFlag.exitCode()).isEqualTo(2);
        assertThat(badFlag.stderr()).contains("`colour` is not a setting").contains("did you mean `color`?");
    }

    @Test
    void theOutputSettingMovesTheDefaultOutputFolder(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Storyc.Outcome outcome = Storyc.run(workspace, Map.of("STORYC_OUTPUT", "build/repos"), "compile", "--env",
                "integration");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(workspace.resolve("build/repos/integration/.git")).exists();
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    private static Result<Settings> load(Map<String, String> env, List<String> definitions, Path workspace) {
        return new SettingsLoader(env, definitions, workspace).load();
    }
}
