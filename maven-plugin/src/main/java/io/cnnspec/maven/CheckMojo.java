package io.cnnspec.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code cnnspec:check}: compiles every {@code .cnn} file under {@code src/main/cnn} and fails the
 * build when one has errors, printing each as the command line's {@code cnnspec check} does:
 * {@code src/main/cnn/net.cnn:3:5: error: message}, the line with a caret under the spot, and a hint.
 * Warnings are printed and do not fail the build. Runs in {@code validate}, so a broken spec stops
 * the build before javac, with positions in the {@code .cnn} file itself.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** The directory whose {@code .cnn} files (subdirectories included) are checked. */
  @Parameter(property = "cnnspec.specDirectory", defaultValue = "${project.basedir}/src/main/cnn")
  File specDirectory;

  /** File names in messages are relative to this directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skips the check. */
  @Parameter(property = "cnnspec.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("cnnspec: check skipped");
      return;
    }
    List<SpecCheck.Checked> results;
    try {
      results = SpecCheck.check(specDirectory.toPath(), basedir.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("cnnspec: cannot list the spec files in " + specDirectory + ": " + e, e);
    }
    if (results.isEmpty()) {
      getLog().info("cnnspec: no .cnn files in " + SpecCheck.display(specDirectory.toPath(), basedir.toPath()));
      return;
    }
    int failed = 0;
    for (SpecCheck.Checked checked : results) {
      for (SpecCheck.Problem problem : checked.problems()) {
        for (String line : problem.text().split("\n", -1)) {
          if (problem.error()) {
            getLog().error(line);
          } else {
            getLog().warn(line);
          }
        }
      }
      failed += checked.failed() ? 1 : 0;
    }
    if (failed > 0) {
      throw new MojoFailureException("cnnspec: " + failed + " of " + results.size() + " spec files have errors,"
          + " shown above as file:line:col; fix them, or check one with: cnnspec check " + results.stream()
              .filter(SpecCheck.Checked::failed).findFirst().orElseThrow().file());
    }
    getLog().info("cnnspec: " + results.size() + " spec files checked, no errors");
  }
}
