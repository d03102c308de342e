package dev.storyc.lookml.model;

/** What a LookML file is, by its name. */
public enum FileKind {
    VIEW,
    EXPLORE,
    MODEL,
    MANIFEST,
    DASHBOARD,
    OTHER;

    /** Returns the kind a path's file name says. */
    public static FileKind ofPath(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith(".view.lkml")) {
            return VIEW;
        } else if (name.endsWith(".explore.lkml")) {
            return EXPLORE;
        } else if (name.endsWith(".model.lkml")) {
            return MODEL;
        } else if (name.equals("manifest.lkml")) {
            return MANIFEST;
        } else if (name.endsWith(".dashboard.lookml") || name.endsWith(".dashboard.lkml")) {
            return DASHBOARD;
        }
        return OTHER;
    }
}
