package io.gradgen.processor.lower;

/** The names of the arrays generated methods read and write. */
public final class ArrayNames {
  private ArrayNames() {}

  /** The inputs. */
  public static final String INPUTS = "x";
  /** The outputs {@code predict} writes. */
  public static final String OUTPUTS = "y";
  /** The targets. */
  public static final String TARGETS = "t";
  /** The parameters, read into a local from the model's field. */
  public static final String PARAMETERS = "p";
  /** The gradient {@code gradient} adds into. */
  public static final String GRADIENT = "grad";
}
