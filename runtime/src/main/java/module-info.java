/**
 * gradgen's runtime: the annotations that declare networks and differentiable methods, the
 * interfaces generated models implement, and training, data preparation and weight files. It
 * depends on nothing.
 *
 * <p>Generated classes carry {@code @javax.annotation.processing.Generated} (source retention) from
 * {@code java.compiler}. This module requires it {@code static transitive}, so a modular
 * application compiles its generated code with {@code requires io.gradgen;} alone, and does not
 * need {@code java.compiler} at run time.
 */
module io.gradgen {
  requires static transitive java.compiler;

  exports io.gradgen;
  exports io.gradgen.data;
  exports io.gradgen.io;
  exports io.gradgen.train;
}
