package dev.storyc.lookml.syntax;

/** The kinds of node in a LookML syntax tree; each kind has one view type in {@link Node}. */
public enum NodeKind {
    /** The whole file: a sequence of items. */
    DOCUMENT,
    /** {@code key: name { items }}, {@code key: { items }} or {@code key: +name { items }}. */
    BLOCK,
    /** {@code key: value}, where the value is a bare literal or a quoted string. */
    PAIR,
    /** {@code key: raw text ;;}, for keys that begin with {@code sql}, {@code html} or {@code expr}. */
    CODE,
    /** {@code key: [elements]}. */
    LIST,
    /** One element of a list: a value, or a {@code key: value} pair. */
    ELEMENT
}
