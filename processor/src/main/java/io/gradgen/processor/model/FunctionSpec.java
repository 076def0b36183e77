package io.gradgen.processor.model;

import java.util.List;

/**
 * A {@code @Differentiable} method as read from the source.
 *
 * @param name the method's name
 * @param isStatic whether it is static (an instance method reads {@code @Parameter} fields)
 * @param parameters its parameters, in order
 * @param fields the {@code @Parameter} fields of its class it may read (instance methods only)
 * @param wrt the names to differentiate with respect to: arguments and fields
 * @param body its statements
 * @param at the method, for reporting problems
 */
public record FunctionSpec(
    String name,
    boolean isStatic,
    List<Param> parameters,
    List<String> fields,
    List<String> wrt,
    List<Ast> body,
    Object at) {

  public FunctionSpec {
    parameters = List.copyOf(parameters);
    fields = List.copyOf(fields);
    wrt = List.copyOf(wrt);
    body = List.copyOf(body);
  }

  /** The kinds of argument the subset allows. */
  public enum Kind {
    DOUBLE("double"),
    FLOAT("float"),
    DOUBLE_ARRAY("double[]"),
    FLOAT_ARRAY("float[]");

    private final String java;

    Kind(String java) {
      this.java = java;
    }

    /** The Java type as written in source. */
    public String java() {
      return java;
    }

    public boolean isArray() {
      return this == DOUBLE_ARRAY || this == FLOAT_ARRAY;
    }

    public boolean isScalar() {
      return this == DOUBLE || this == FLOAT;
    }
  }

  /** One parameter of the method. */
  public record Param(String name, Kind kind) {}

  /** True when it takes {@code count} scalar ({@code double} or {@code float}) arguments only. */
  public boolean takesScalars(int count) {
    return parameters.size() == count && parameters.stream().allMatch(p -> p.kind().isScalar());
  }
}
