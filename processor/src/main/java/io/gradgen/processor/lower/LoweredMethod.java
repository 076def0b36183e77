package io.gradgen.processor.lower;

import java.util.List;

/** The straight-line body of one generated method, in order. */
public record LoweredMethod(List<Statement> statements) {
  public LoweredMethod {
    statements = List.copyOf(statements);
  }
}
