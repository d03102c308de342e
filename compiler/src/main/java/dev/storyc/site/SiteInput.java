package dev.storyc.site;

import dev.storyc.check.Lineage;
import dev.storyc.workspace.Story;

import java.util.List;

/**
 * Everything the site shows, gathered at the edge (compiles, output repositories, the workspace's
 * history) so that rendering the site is a pure function of this value.
 *
 * @param title the workspace's name, shown in every page's header
 * @param compilerVersion the storyc version that wrote the site
 * @param environments the board's columns, in environments.toml order
 * @param stories every story of the working tree, by id
 * @param releases every release manifest, oldest first
 * @param lineage one graph per compiled environment
 */
public record SiteInput(
        String title,
        String compilerVersion,
        List<EnvironmentColumn> environments,
        List<Story> stories,
        List<ReleaseEntry> releases,
        List<Lineage.Graph> lineage) {
    public SiteInput {
        environments = List.copyOf(environments);
        stories = List.copyOf(stories);
        releases = List.copyOf(releases);
        lineage = List.copyOf(lineage);
    }
}
