package io.gradgen.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.gradgen.Precision;

/**
 * How the generated code writes numbers in its precision: the type, its arrays and parameter view,
 * literals, and the cast that brings a {@code Math} function's {@code double} result back to {@code
 * float}.
 */
enum Numeric {
  DOUBLE("double", ""),
  FLOAT("float", "f");

  private final String type;
  private final String suffix;

  Numeric(String type, String suffix) {
    this.type = type;
    this.suffix = suffix;
  }

  static Numeric of(Precision precision) {
    return precision == Precision.FLOAT ? FLOAT : DOUBLE;
  }

  /** {@code double} or {@code float}. */
  String type() {
    return type;
  }

  TypeName typeName() {
    return this == FLOAT ? TypeName.FLOAT : TypeName.DOUBLE;
  }

  TypeName arrayTypeName() {
    return ArrayTypeName.of(typeName());
  }

  /** {@code double[][]} or {@code float[][]}: a layer's weight columns, a batch's [unit][row] values. */
  TypeName matrixTypeName() {
    return ArrayTypeName.of(arrayTypeName());
  }

  /** The runtime's view of a model's parameters in this precision: {@code Parameters} or {@code FloatParameters}. */
  ClassName parametersClass() {
    return ClassName.get("io.gradgen", this == FLOAT ? "FloatParameters" : "Parameters");
  }

  /** A literal of this type: {@code 0.5} or {@code 0.5f}. */
  String literal(double v) {
    if (this == FLOAT) {
      float f = (float) v;
      if (Float.isNaN(f)) {
        return "Float.NaN";
      }
      if (Float.isInfinite(f)) {
        return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
      }
      return Float.toString(f) + "f";
    }
    if (Double.isNaN(v)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(v);
  }

  /**
   * A call of a {@code Math} function that returns {@code double} whatever its argument: cast back
   * in {@code float}.
   */
  String math(String call) {
    return this == FLOAT ? "(float) " + call : call;
  }
}
