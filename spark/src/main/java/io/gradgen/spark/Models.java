package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import java.lang.reflect.InvocationTargetException;

/** Creates generated model classes by name, on the driver and on the executors, which only share names. */
final class Models {
  private Models() {}

  /**
   * A new instance of the generated (or hand-written) model class {@code className}.
   *
   * @throws IllegalArgumentException naming the class if it cannot be loaded, is not a {@link
   *     DifferentiableModel} or has no public no-argument constructor
   */
  static DifferentiableModel create(String className) {
    if (className == null || className.isEmpty()) {
      throw new IllegalArgumentException(
          "modelClass is not set: pass the generated model class, e.g. new SparkNetwork(DigitsNetModel.class)");
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, classLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "modelClass " + className + " is not on the class path (ship the application jar with spark-submit)", e);
    }
    if (!DifferentiableModel.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "modelClass " + className + " does not implement " + DifferentiableModel.class.getName()
              + " (pass the generated class, e.g. DigitsNetModel, not the @Network interface)");
    }
    try {
      return (DifferentiableModel) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new IllegalArgumentException(
          "modelClass " + className + " has no public no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "modelClass " + className + "'s constructor failed: " + e.getCause(), e.getCause());
    }
  }

  /** Spark loads the application's jar with the thread's context loader on executors. */
  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Models.class.getClassLoader();
  }
}
