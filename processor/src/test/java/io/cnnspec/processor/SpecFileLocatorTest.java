package io.cnnspec.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecFileLocatorTest {

  @Test
  void normalizeResolvesDotsAndRefusesClimbingOut() {
    assertEquals(Optional.of("demo/alexnet.cnn"), SpecFileLocator.normalize("demo/./alexnet.cnn"));
    assertEquals(Optional.of("nets/alexnet.cnn"), SpecFileLocator.normalize("demo/../nets//alexnet.cnn"));
    assertEquals(Optional.of(""), SpecFileLocator.normalize("demo/.."));
    assertEquals(Optional.empty(), SpecFileLocator.normalize("demo/../../etc/passwd"));
    assertEquals(Optional.empty(), SpecFileLocator.normalize("../x.cnn"));
  }

  @Test
  void rootsSplitOnThePathSeparatorAndSkipBlanks() {
    String option = "/a/b" + File.pathSeparator + " " + File.pathSeparator + "/c/../d";
    assertEquals(List.of(Path.of("/a/b"), Path.of("/d")), SpecFileLocator.roots(option));
    assertEquals(List.of(), SpecFileLocator.roots(null));
  }
}
