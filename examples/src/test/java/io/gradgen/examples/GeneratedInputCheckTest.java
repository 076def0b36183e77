package io.gradgen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every public entry point of a generated model checks its arrays: null fails with a
 * NullPointerException naming the parameter, a wrong length with an IllegalArgumentException
 * naming the parameter, the actual and the expected length; nothing is written before the check.
 */
class GeneratedInputCheckTest {
  private final SeedNetModel model = SeedExample.model();
  private final double[] x = SeedExample.INPUTS.clone();
  private final double[] t = SeedExample.TARGETS.clone();
  private final double[] y = new double[SeedNetModel.OUTPUTS];
  private final double[] grad = new double[SeedNetModel.PARAMETERS];

  private static void rejectsNull(String name, Executable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertEquals(name, e.getMessage());
  }

  private static void rejectsLength(String name, int actual, int expected, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(name + " has length " + actual + ", expected " + expected, e.getMessage());
  }

  @Test
  void predictChecksXAndY() {
    rejectsNull("x", () -> model.predict(null, y));
    rejectsNull("y", () -> model.predict(x, null));
    rejectsLength("x", 1, 2, () -> model.predict(new double[1], y));
    rejectsLength("x", 3, 2, () -> model.predict(new double[3], y));
    rejectsLength("y", 0, 2, () -> model.predict(x, new double[0]));
    rejectsLength("y", 5, 2, () -> model.predict(x, new double[5]));
  }

  @Test
  void lossChecksXAndTheTarget() {
    rejectsNull("x", () -> model.loss(null, t));
    rejectsNull("t", () -> model.loss(x, null));
    rejectsLength("x", 1, 2, () -> model.loss(new double[1], t));
    rejectsLength("t", 3, 2, () -> model.loss(x, new double[3]));
  }

  @Test
  void gradientChecksEveryArrayAndWritesNothingWhenOneIsWrong() {
    rejectsNull("x", () -> model.gradient(null, t, grad));
    rejectsNull("t", () -> model.gradient(x, null, grad));
    rejectsNull("grad", () -> model.gradient(x, t, null));
    rejectsLength("x", 4, 2, () -> model.gradient(new double[4], t, grad));
    rejectsLength("t", 1, 2, () -> model.gradient(x, new double[1], grad));
    rejectsLength("grad", 9, 10, () -> model.gradient(x, t, new double[9]));
    rejectsLength("grad", 11, 10, () -> model.gradient(x, t, new double[11]));
    assertArrayEquals(new double[SeedNetModel.PARAMETERS], grad, 0.0, "nothing was added");
  }

  @Test
  void theParameterConstructorChecksAndCopies() {
    rejectsNull("parameters", () -> new SeedNetModel(null));
    rejectsLength("parameters", 9, 10, () -> new SeedNetModel(new double[9]));
    rejectsLength("parameters", 11, 10, () -> new SeedNetModel(new double[11]));
    double[] p = SeedExample.PARAMETERS.clone();
    SeedNetModel copy = new SeedNetModel(p);
    p[0] = 42;
    assertEquals(SeedExample.PARAMETERS[0], copy.parameters().get(0), 0.0, "the model holds a copy");
  }

  @Test
  void parameterNamesAreCheckedByIndex() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> model.parameterName(10));
    assertEquals("parameter index 10 is outside 0..9", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> model.parameterName(-1));
  }
}
