package dev.storyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The compiler's version, filtered into a resource by the build. It is part of every lock file. */
public final class Version implements CommandLine.IVersionProvider {

    /** Returns the version, such as {@code 0.1.0}. */
    public static String number() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/storyc/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"storyc " + number(), "Java " + System.getProperty("java.version")};
    }
}
