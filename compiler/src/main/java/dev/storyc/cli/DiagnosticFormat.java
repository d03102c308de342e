package dev.storyc.cli;

/** How diagnostics are printed: rustc-style text on stderr, or one JSON or SARIF document on stdout. */
enum DiagnosticFormat {
    text,
    json,
    sarif
}
