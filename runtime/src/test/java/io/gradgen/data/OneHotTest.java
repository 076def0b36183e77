package io.gradgen.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One-hot encoding of class labels and back. */
class OneHotTest {
  @Test
  void aLabelBecomesARowWithOneOne() {
    assertArrayEquals(new double[] {0, 0, 1}, OneHot.encode(2, 3));
    assertEquals(2, OneHot.argmax(new double[] {0.1, 0.2, 0.7}));
  }

  @Test
  void aDataSetsLabelColumnBecomesOneHotRows() {
    DataSet d = DataSet.of(new double[][] {{5}, {6}}, new double[][] {{1}, {0}});
    DataSet encoded = OneHot.encode(d, 3);
    assertArrayEquals(new double[] {0, 1, 0}, encoded.targets(0));
    assertArrayEquals(new double[] {1, 0, 0}, encoded.targets(1));
    assertArrayEquals(new int[] {1, 0}, encoded.labels());
  }

  @Test
  void labelsOutOfRangeAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(3, 3));
    assertEquals("class 3 is outside 0..2 (3 classes)", e.getMessage());
    DataSet fractional = DataSet.of(new double[][] {{5}}, new double[][] {{0.5}});
    assertThrows(IllegalArgumentException.class, () -> OneHot.encode(fractional, 2));
  }

  @Test
  void aClassCountTooLargeForTheHeapIsRefusedBeforeAnythingIsAllocated() {
    DataSet d = DataSet.of(new double[][] {{1}, {2}, {3}, {4}}, new double[][] {{0}, {2}, {1}, {2}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(d, Integer.MAX_VALUE));
    assertTrue(e.getMessage().startsWith("one-hot encoding 4 rows into 2147483647 classes takes 68719476704 bytes"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(the largest class here is 2, so e.g. 3)"), e.getMessage());
    IllegalArgumentException row = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(0, Integer.MAX_VALUE));
    assertEquals("classes is 2147483647, more than the 2147483639 values a Java array holds", row.getMessage());
  }
}
