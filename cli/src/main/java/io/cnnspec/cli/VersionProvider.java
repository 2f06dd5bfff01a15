package io.cnnspec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version the build wrote into {@code version.properties} (the same
 * one the jar's manifest carries as {@code Implementation-Version}), and the Java running it.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "cnnspec " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
    };
  }

  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isBlank() && !version.contains("${")) {
          return version.strip();
        }
      }
    } catch (IOException e) {
      // fall back to the manifest below
    }
    String manifest = VersionProvider.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : "(unknown version)";
  }
}
