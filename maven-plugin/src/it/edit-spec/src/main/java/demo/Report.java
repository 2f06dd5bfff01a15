package demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the integration test checks after each build: the generated constants, and when javac last
 * wrote the holder's and the generated class (unchanged when nothing was recompiled).
 */
public final class Report {
  public static void main(String[] args) throws Exception {
    System.out.println("resnet20=" + ResNet20.PARAMS + " resnet50=" + ResNet50.PARAMS
        + " holderWritten=" + written("Specs.class") + " generatedWritten=" + written("ResNet20.class"));
  }

  private static long written(String classFile) throws Exception {
    return Files.getLastModifiedTime(Path.of(Report.class.getResource(classFile).toURI())).toMillis();
  }
}
