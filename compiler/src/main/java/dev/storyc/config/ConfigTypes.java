package dev.storyc.config;

/** ConfigTypes names the types of plain config values the way messages spell them. */
final class ConfigTypes {
    private ConfigTypes() {}

    /** Returns a type name with its article, such as "an integer" or "a table". */
    static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String nameOf(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long || value instanceof Integer) {
            return "integer";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof SecretReference) {
            return "secret";
        } else if (value instanceof java.util.Map) {
            return "table";
        } else if (value instanceof java.util.List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
