package io.gradgen.processor.model;

/** What sort of type carries {@code @Network}; only the first two can be declarations. */
public enum DeclarationKind {
  INTERFACE,
  ABSTRACT_CLASS,
  CLASS,
  OTHER
}
