package dev.storyc.cli;

/** When to colour diagnostics: {@code auto} colours only an interactive terminal without NO_COLOR. */
enum ColorMode {
    auto,
    always,
    never
}
