package io.cnnspec.bench;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Wraps a processor and counts the time spent inside it, so a build's extra time can be split
 * into the processor's own work and javac compiling what the processor wrote.
 */
final class TimedProcessor implements Processor {

  private final Processor delegate;
  private final AtomicLong nanos;

  TimedProcessor(Processor delegate, AtomicLong nanos) {
    this.delegate = delegate;
    this.nanos = nanos;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    long start = System.nanoTime();
    delegate.init(env);
    nanos.addAndGet(System.nanoTime() - start);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    try {
      return delegate.process(annotations, round);
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
    }
  }

  @Override
  public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
      ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
