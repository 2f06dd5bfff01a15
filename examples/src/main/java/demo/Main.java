package demo;

import java.util.Locale;

/**
 * Prints what the processor generated for VGG-16: the summary table the {@code cnnspec} command
 * prints too, rendered at run time from {@code Vgg16.INFO}, and a few of the constants.
 *
 * <p>Run it after the build with
 * {@code java -cp examples/target/classes:runtime/target/cnnspec-runtime-0.1.0-SNAPSHOT.jar demo.Main}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.print(Vgg16.summary());
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "Vgg16.PARAMS      = %,d", Vgg16.PARAMS));
    System.out.println(String.format(Locale.ROOT, "Vgg16.MACS        = %,d", Vgg16.MACS));
    System.out.println(String.format(Locale.ROOT, "Vgg16.ACTIVATIONS = %,d (%.1f MiB in fp32)",
        Vgg16.ACTIVATIONS, Vgg16.ACTIVATIONS * 4 / (1024.0 * 1024.0)));
    System.out.println("pool5: " + Vgg16.Layer.POOL5.output() + ", receptive field "
        + Vgg16.Layer.POOL5.receptiveField());
    System.out.println(String.format(Locale.ROOT, "ResNet50.PARAMS   = %,d (+ %,d batch norm statistics)",
        ResNet50.PARAMS, ResNet50.NON_TRAINABLE_PARAMS));
  }
}
