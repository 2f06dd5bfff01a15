package io.cnnspec.bench;

/** The start-up baseline: a JVM that starts, prints a line and exits, on the same class path. */
public final class HelloMain {

  private HelloMain() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
