package io.gradgen.processor.ir;

import java.util.List;

/**
 * The static shape of a tensor: rank 0 (a scalar), 1 (a vector of {@code n}) or 2 (a matrix of
 * {@code rows × cols}, stored row by row in the flat order of the parameters).
 *
 * @param dims the extent of each axis, outermost first; empty for a scalar
 */
public record Shape(List<Integer> dims) {
  private static final Shape SCALAR = new Shape(List.of());

  public Shape {
    dims = List.copyOf(dims);
    if (dims.size() > 2) {
      throw new IllegalArgumentException("rank " + dims.size() + " > 2");
    }
    for (int d : dims) {
      if (d < 1) {
        throw new IllegalArgumentException("extent " + d + " < 1 in " + dims);
      }
    }
  }

  public static Shape scalar() {
    return SCALAR;
  }

  public static Shape vector(int n) {
    return new Shape(List.of(n));
  }

  public static Shape matrix(int rows, int cols) {
    return new Shape(List.of(rows, cols));
  }

  public int rank() {
    return dims.size();
  }

  /** Extent of axis {@code axis}. */
  public int dim(int axis) {
    return dims.get(axis);
  }

  /** Number of elements. */
  public int size() {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  @Override
  public String toString() {
    return dims.isEmpty() ? "[]" : dims.toString().replace(" ", "");
  }
}
