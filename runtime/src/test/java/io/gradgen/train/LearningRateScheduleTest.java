package io.gradgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Constant, step decay and exponential decay give the rates of their formulas. */
class LearningRateScheduleTest {
  @Test
  void constantNeverChanges() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.05);
    assertEquals(0.05, s.rate(0));
    assertEquals(0.05, s.rate(10_000));
  }

  @Test
  void stepDecayHalvesEveryTenEpochs() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 0.5, 10);
    assertEquals(0.1, s.rate(0), 1e-15);
    assertEquals(0.1, s.rate(9), 1e-15);
    assertEquals(0.05, s.rate(10), 1e-15);
    assertEquals(0.025, s.rate(25), 1e-15);
  }

  @Test
  void exponentialDecayIsEToTheMinusKT() {
    LearningRateSchedule s = LearningRateSchedule.exponentialDecay(0.2, 0.1);
    assertEquals(0.2, s.rate(0), 1e-15);
    assertEquals(0.2 * Math.exp(-1), s.rate(10), 1e-15);
    assertEquals(0.1, s.rate((int) Math.round(10 * Math.log(2))), 0.01);
  }

  @Test
  void invalidSchedulesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0.1, 1.5, 10));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0.1, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponentialDecay(0.1, -1));
  }
}
