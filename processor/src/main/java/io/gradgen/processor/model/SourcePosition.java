package io.gradgen.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;

/** A tree and its compilation unit: what javac needs to point an error at an expression. */
public record SourcePosition(Tree tree, CompilationUnitTree unit) {}
