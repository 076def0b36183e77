package io.gradgen;

/**
 * How the loop form of a model ({@link CodeShape#LOOPS}) runs over one dense layer's units: a
 * schedule choice, never a change of what is computed (every choice gives the same values to the
 * last bits of a sum's rounding). Straight-line code writes every unit out anyway and ignores it.
 */
public enum UnitLoop {
  /**
   * Units written out, their values in locals, for layers of at most 16 units; a vectorized loop
   * for wider ones (the measured rule, see the project's performance notes).
   */
  AUTO,
  /** The loop over the units written out, one local per unit: fastest for narrow layers. */
  UNROLLED,
  /** One loop over the units that HotSpot vectorizes, values in arrays: fastest for wide layers. */
  VECTORIZED
}
