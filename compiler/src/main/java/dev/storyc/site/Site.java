package dev.storyc.site;

import dev.storyc.check.Lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The static site: a board of environments × stories, a page per story, the lineage graph, the
 * releases and a search box, rendered from a {@link SiteInput}. A pure function: the same input
 * gives the same bytes, and nothing here reads the workspace, git or the clock.
 *
 * <p>Every page works from {@code file://} and from any static host: pages link each other by
 * relative paths, scripts and data are local files, and no page loads anything from elsewhere.
 * Large tables are drawn by script a page at a time, so a 1,000-story board paints at once.
 */
public final class Site {
    private Site() {}

    /** Returns the site's files. */
    public static SiteFiles render(SiteInput input) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Templates templates = new Templates();
        for (String asset : SiteAssets.ALL) {
            files.put(asset, SiteAssets.read(asset));
        }
        files.put(
                "index.html",
                templates.render("board", page(input, "", "board", "Board", Board.page(input))));
        files.put("data/board.js", ScriptData.assign("STORYC_BOARD", Board.data(input)));
        Map<String, List<Lineage.Node>> definitions = StoryPages.definitions(input);
        Map<String, List<String>> requiredBy = new HashMap<>();
        input.stories()
                .forEach(
                        story ->
                                story.manifest()
                                        .requiredIds()
                                        .forEach(
                                                required ->
                                                        requiredBy
                                                                .computeIfAbsent(
                                                                        required.value(),
                                                                        k -> new ArrayList<>())
                                                                .add(story.id().value())));
        for (var story : input.stories()) {
            String id = story.id().value();
            Map<String, Object> values =
                    StoryPages.page(
                            input,
                            story,
                            requiredBy.getOrDefault(id, List.of()),
                            definitions.getOrDefault(id, List.of()));
            files.put(
                    StoryPages.path(id),
                    templates.render(
                            "story",
                            page(input, "../", "stories", story.manifest().title(), values)));
        }
        files.put(
                "lineage.html",
                templates.render("lineage", page(input, "", "lineage", "Lineage", Map.of())));
        files.put("data/lineage.js", ScriptData.assign("STORYC_LINEAGE", LineageData.of(input)));
        files.put(
                "releases.html",
                templates.render(
                        "releases", page(input, "", "releases", "Releases", Releases.page(input))));
        files.put("data/search.js", ScriptData.assign("STORYC_SEARCH", SearchIndex.of(input)));
        return new SiteFiles(files);
    }

    /** Returns what every page's layout needs, plus the page's own values. */
    private static Map<String, Object> page(
            SiteInput input,
            String root,
            String section,
            String heading,
            Map<String, Object> values) {
        Map<String, Object> scope = new LinkedHashMap<>(values);
        scope.put("root", root);
        scope.put("site", input.title());
        scope.put("heading", heading);
        scope.put("version", input.compilerVersion());
        scope.put("section_" + section, true);
        return scope;
    }
}
