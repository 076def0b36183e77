package com.example;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The processor and its own dependencies stay on the processor path: neither gradgen's processor
 * nor JavaPoet reaches this project's compile or test class path (which holds the compile one).
 */
class ClasspathTest {
  @Test
  void neitherTheProcessorNorJavaPoetIsOnTheClasspath() {
    ClassLoader loader = ClasspathTest.class.getClassLoader();
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.gradgen.processor.GradgenProcessor", false, loader));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.palantir.javapoet.JavaFile", false, loader));
  }
}
