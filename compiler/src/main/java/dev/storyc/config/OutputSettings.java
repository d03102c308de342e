package dev.storyc.config;

import java.util.Optional;

/** Where an environment's output repository lives: a folder, a branch and, optionally, a remote. */
public record OutputSettings(Optional<String> path, Optional<String> remote, String branch) {}
