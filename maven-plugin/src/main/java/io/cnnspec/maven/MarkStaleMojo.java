package io.cnnspec.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code cnnspec:mark-stale}: makes the next compilation regenerate the classes whose {@code .cnn}
 * file was edited. Maven's compiler plugin compares only {@code .java} files with their classes,
 * so after an edit of a spec file alone it says "Nothing to compile" and the generated constants
 * keep the old figures. The annotation processor records, for each class it generates from a file,
 * the file and the SHA-256 of its text (under {@code target/generated-sources/annotations/META-INF/cnnspec/inputs});
 * this goal compares them with the files as they are now and, for each one that changed or is gone,
 * deletes the annotated type's class file, so that the compiler plugin recompiles the module and
 * the processor generates the class anew. When nothing changed it deletes nothing, and the
 * compiler plugin has nothing to compile. Runs in {@code process-sources}, before {@code compile}.
 */
@Mojo(name = "mark-stale", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public final class MarkStaleMojo extends AbstractMojo {

  /** Where the processor writes generated sources: the compiler plugin's {@code generatedSourcesDirectory}. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/annotations")
  File generatedSourcesDirectory;

  /** The compiler's output directory, where the annotated types' class files are. */
  @Parameter(defaultValue = "${project.build.outputDirectory}")
  File outputDirectory;

  /** Spec file names in messages are relative to this directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  File basedir;

  /** Skips the comparison. */
  @Parameter(property = "cnnspec.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("cnnspec: mark-stale skipped");
      return;
    }
    try {
      List<StaleSpecs.Stale> stale = StaleSpecs.find(generatedSourcesDirectory.toPath(), outputDirectory.toPath(),
          basedir.toPath());
      for (StaleSpecs.Stale one : stale) {
        getLog().info("cnnspec: " + one.reason() + " since " + one.generated() + " was generated; recompiling "
            + one.holder());
        StaleSpecs.mark(one);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cnnspec: cannot mark the classes of edited spec files for recompilation: " + e
          + "; run mvn clean compile to regenerate them all", e);
    }
  }
}
