package dev.storyc.cli;

import dev.storyc.validate.LookmlProject;
import dev.storyc.validate.ManifestConstants;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/** The LookML of a compiled output, and which story each view came from. */
record DeployedLookml(LookmlProject project, Map<String, String> viewStories) {

    /** Reads the views and explores of an output repository. */
    static DeployedLookml of(CompiledOutput output) {
        Map<String, String> files = new TreeMap<>();
        files.putAll(output.under("views/", ".view.lkml"));
        files.putAll(output.under("explores/", ".explore.lkml"));
        LookmlProject project = LookmlProject.of(files, Optional.ofNullable(output.files().get(
                dev.storyc.emit.OutputLayout.MANIFEST)).map(ManifestConstants::of).orElse(Map.of()));
        Map<String, String> stories = new TreeMap<>();
        project.views()
                .forEach(
                        view -> {
                            String file = view.position().file();
                            String relative = file.substring(output.display().length() + 1);
                            String[] parts = relative.split("/");
                            if (parts.length >= 3) {
                                stories.put(view.name(), parts[1]);
                            }
                        });
        return new DeployedLookml(project, stories);
    }
}
