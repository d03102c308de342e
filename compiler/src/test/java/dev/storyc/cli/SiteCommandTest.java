package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code storyc site} on the example workspace: what it writes, byte for byte, and what it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path workspace;
    Path site;
    Storyc.Outcome written;

    @BeforeAll
    void writeSite(@TempDir Path temp) {
        workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--all").exitCode()).isZero();
        site = temp.resolve("site");
        written = Storyc.run(workspace, "site", "--out", site.toString());
    }

    @Test
    void writesEveryPageAssetAndDataFile() {
        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(written.stdout())
                .containsPattern("wrote .*site: 19 files, \\d+ KiB, 7 stories, 7 environments");
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(site.resolve("lineage.html")).isRegularFile();
        assertThat(site.resolve("releases.html")).isRegularFile();
        assertThat(site.resolve("stories/care-gaps.html")).isRegularFile();
        assertThat(site.resolve("assets/dagre-3.1.3.min.js")).isRegularFile();
        assertThat(Checkout.read(site.resolve("assets/LICENSE-dagre.txt")))
                .contains("MIT", "Chris Pettitt")
                .contains("Permission is hereby granted");
        assertThat(site.resolve(SiteFolder.MARKER)).isRegularFile();
    }

    @Test
    void theBoardDataHoldsEachEnvironmentsCells() throws IOException {
        JsonNode board = data("data/board.js", "STORYC_BOARD");
        List<String> environments = new ArrayList<>();
        board.get("environments").forEach(e -> environments.add(e.get("name").asText()));
        assertThat(environments).contains("production", "acceptance-1", "dev-alice");
        int production = environments.indexOf("production");
        int acceptance = environments.indexOf("acceptance-1");
        Map<String, List<String>> productionCells = new TreeMap<>();
        Map<String, String> acceptanceCells = new TreeMap<>();
        board.get("stories")
                .forEach(
                        story -> {
                            JsonNode cell = story.get("cells").get(production);
                            productionCells.put(
                                    story.get("id").asText(),
                                    List.of(cell.get(0).asText(), cell.get(2).asText()));
                            acceptanceCells.put(
                                    story.get("id").asText(),
                                    story.get("cells").get(acceptance).get(0).asText());
                        });
        // W47 is sealed: production's four stories are pinned to the trees the manifest names.
        assertThat(productionCells.get("patients"))
                .containsExactly("pinned", "ed4f794bb3341f8410e1fd430780154e1428ba09");
        assertThat(productionCells.get("care-gaps")).containsExactly("absent", "");
        assertThat(acceptanceCells)
                .containsEntry("care-gaps", "main")
                .containsEntry("medication-adherence", "absent");
        JsonNode prod = board.get("environments").get(production);
        assertThat(prod.get("release").asText()).isEqualTo("2026-W47");
        assertThat(prod.get("state").asText()).isEqualTo("committed");
        assertThat(prod.get("push").asText()).isEqualTo("no-remote");
        assertThat(prod.get("commit_full").asText())
                .isEqualTo(
                        dev.storyc.testing.GitCli.git(
                                workspace.resolve("out/production"), "rev-parse", "main"));
    }

    @Test
    void aStoryPageShowsItsFactsLayersAndHistory() {
        String page = Checkout.read(site.resolve("stories/care-gaps.html"));
        assertThat(page)
                .contains("data-story=\"care-gaps\"")
                .contains("<a href=\"patients.html\">patients</a>")
                .contains("<code>schema/deploy.sql</code>")
                .contains("<code>dashboards/care_gap_closure.dashboard.lookml</code>")
                .contains("<a href=\"../releases.html#release-2026-W48\">2026-W48</a>")
                .doesNotContain("release-2026-W47");
    }

    @Test
    void theReleasesPageShowsTheDiffFromThePreviousRelease() {
        String page = Checkout.read(site.resolve("releases.html"));
        assertThat(page)
                .contains("<h3>Since 2026-W47</h3>")
                .contains("<li class=\"added\">+ care-gaps</li>")
                .contains("<li class=\"added\">+ research-extract</li>")
                .contains("ed4f794bb3341f8410e1fd430780154e1428ba09");
        assertThat(page.indexOf("id=\"release-2026-W48\""))
                .isLessThan(page.indexOf("id=\"release-2026-W47\""));
    }

    @Test
    void searchIndexesStoriesViewsExploresFieldsAndDashboards() throws IOException {
        JsonNode index = data("data/search.js", "STORYC_SEARCH");
        List<String> entries = new ArrayList<>();
        index.forEach(
                row ->
                        entries.add(
                                row.get(0).asText()
                                        + " "
                                        + row.get(1).asText()
                                        + " "
                                        + row.get(3).asText()));
        assertThat(entries)
                .contains(
                        "story care-gaps stories/care-gaps.html",
                        "view patients stories/patients.html#view-patients",
                        "field patients.mrn stories/patients.html#view-patients",
                        "explore care_gaps stories/care-gaps.html#explore-care_gaps",
                        "dashboard care_gap_closure"
                            + " stories/care-gaps.html#dashboard-care_gap_closure");
    }

    @Test
    void nothingOnAnyPageLoadsFromElsewhere() throws IOException {
        Pattern remote =
                Pattern.compile(
                        "(?:src|href)\\s*=\\s*\"(?!\\.{0,2}/?[a-z0-9._#-])|(?:https?:)?//[a-z]",
                        Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher matcher = remote.matcher(html.replace("http://www.w3.org/2000/svg", ""));
                assertThat(matcher.find()).as(file + " loads nothing from elsewhere").isFalse();
            }
        }
    }

    @Test
    void aSecondRunWritesTheSameBytes(@TempDir Path temp) throws IOException {
        Path again = temp.resolve("again");
        assertThat(Storyc.run(workspace, "site", "--out", again.toString()).exitCode()).isZero();
        assertThat(contents(again)).isEqualTo(contents(site));
    }

    /** A published web root behind a link gets the new site; the link stays a link (round 19). */
    @Test
    void aLinkIsFollowedToTheFolderItPublishesAndLeftInPlace(@TempDir Path temp) throws IOException {
        Path webRoot = Files.createDirectories(temp.resolve("www/site"));
        Path link = Files.createSymbolicLink(temp.resolve("published"), webRoot);
        Path leftover = Files.createDirectories(temp.resolve("www/.site.storyc-new-killed"));
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(0));
        Path fresh = Files.createDirectories(temp.resolve("www/.site.storyc-new-running"));
        // A shared web root: group-writable, setgid, owned by a group the site's files must keep.
        Files.setAttribute(webRoot, "unix:mode", 02775);
        var group = sharedGroup(webRoot);

        for (int run = 0; run < 2; run++) {
            Storyc.Outcome written = Storyc.run(workspace, "site", "--out", link.toString());
            assertThat(written.exitCode()).as(written.toString()).isZero();
        }

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(webRoot.resolve("index.html")).isRegularFile();
        assertThat(webRoot.resolve(SiteFolder.MARKER)).isRegularFile();
        assertThat((int) Files.getAttribute(webRoot, "unix:mode") & 07777)
                .as("round 21: the folder's mode, setgid bit included, is kept").isEqualTo(02775);
        assertThat(Files.readAttributes(webRoot.resolve("index.html"),
                java.nio.file.attribute.PosixFileAttributes.class).group())
                .as("and its group, which the files inherit").isEqualTo(group);
        assertThat(leftover).as("a killed run's staging folder, an hour old, is tidied").doesNotExist();
        assertThat(fresh).as("one a run may be writing now is left alone").isDirectory();

        Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("nowhere"));
        Storyc.Outcome refused = Storyc.run(workspace, "site", "--out", dangling.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error[E1001]", "is a link to `" + temp.resolve("nowhere")
                + "`, which is not a folder");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    /**
     * Gives the folder another group than the user's own where that is allowed (root, in CI), and
     * returns its group either way.
     */
    private static java.nio.file.attribute.GroupPrincipal sharedGroup(Path folder) throws IOException {
        var view = Files.getFileAttributeView(folder, java.nio.file.attribute.PosixFileAttributeView.class);
        try {
            view.setGroup(folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon"));
        } catch (IOException notPermittedOrNoSuchGroup) {
            // The user's own group then; the mode is still checked.
        }
        return view.readAttributes().group();
    }

    @Test
    void replacesAnEarlierSiteButRefusesAFolderItDidNotWrite(@TempDir Path temp)
            throws IOException {
        Path folder = temp.resolve("mine");
        Checkout.write(folder.resolve("notes.txt"), "mine\n");
        Storyc.Outcome refused = Storyc.run(workspace, "site", "--out", folder.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr())
                .contains("error[E1001]", folder.toString(), "is not a site storyc wrote");
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        Path earlier = temp.resolve("earlier");
        assertThat(Storyc.run(workspace, "site", "--out", earlier.toString()).exitCode()).isZero();
        Checkout.write(earlier.resolve("stale.html"), "old\n");
        assertThat(Storyc.run(workspace, "site", "--out", earlier.toString()).exitCode()).isZero();
        assertThat(earlier.resolve("stale.html")).doesNotExist();
        assertThat(earlier.resolve("index.html")).isRegularFile();
        try (Stream<Path> entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("mine", "earlier");
        }
    }

    private JsonNode data(String path, String global) throws IOException {
        String script = Files.readString(site.resolve(path));
        String prefix = "window." + global + " = ";
        assertThat(script).startsWith(prefix).endsWith(";\n");
        return JSON.readTree(script.substring(prefix.length(), script.length() - 2));
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return contents;
    }
}
