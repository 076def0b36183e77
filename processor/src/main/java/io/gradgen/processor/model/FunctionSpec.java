package io.gradgen.processor.model;

import java.util.List;

/**
 * A {@code @Differentiable} method as read from the source.
 *
 * @param name the method's name
 * @param key the method's name and parameter types, {@code f(double,double[])}: what a call
 *     resolves to, so overloads stay apart
 * @param isStatic whether it is static (an instance method reads {@code @Parameter} fields)
 * @param parameters its parameters, in order
 * @param fields the {@code @Parameter} fields of its class it may read (instance methods only)
 * @param wrt the names to differentiate with respect to: arguments and fields
 * @param body its statements
 * @param at the method, for reporting problems
 */
public record FunctionSpec(
    String name,
    String key,
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

  /** The key of a method called {@code name} with parameters of these types, as javac prints them. */
  public static String key(String name, List<String> parameterTypes) {
    return name + "(" + String.join(",", parameterTypes) + ")";
  }

  /**
   * The functions of one class by key, and by name too where the name is not overloaded (a network
   * names its activation and loss by name).
   */
  public static java.util.Map<String, FunctionSpec> index(List<FunctionSpec> functions) {
    java.util.Map<String, FunctionSpec> index = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> overloads = new java.util.HashMap<>();
    for (FunctionSpec f : functions) {
      index.put(f.key(), f);
      overloads.merge(f.name(), 1, Integer::sum);
    }
    for (FunctionSpec f : functions) {
      if (overloads.get(f.name()) == 1) {
        index.put(f.name(), f);
      }
    }
    return index;
  }

  /** True when it takes {@code count} scalar ({@code double} or {@code float}) arguments only. */
  public boolean takesScalars(int count) {
    return parameters.size() == count && parameters.stream().allMatch(p -> p.kind().isScalar());
  }
}
