package io.gradgen.processor;

import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.gradgen.processor.model.LocalDeclarations;
import io.gradgen.processor.model.MemberClashes;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** The declaration checks that need javac's trees or the generated class, reported as tagged errors. */
final class Diagnostics {
  private Diagnostics() {}

  /** gradgen's annotations inside method bodies of {@code root}, which no processor is shown: errors, never silence. */
  static void reportLocalDeclarations(ProcessingEnvironment env, Trees trees, Element root) {
    if (!(root instanceof TypeElement type)) {
      return;
    }
    TreePath path = trees.getPath(type);
    if (path == null || !(path.getLeaf() instanceof ClassTree tree)) {
      return;
    }
    for (LocalDeclarations.Found local : LocalDeclarations.in(env.getElementUtils(), type, tree, path.getCompilationUnit())) {
      trees.printMessage(Diagnostic.Kind.ERROR, "[gradgen.declaration-local] " + local.message(), local.tree(),
          path.getCompilationUnit());
    }
  }

  /**
   * {@code file} with the declaration's clashing names qualified, or empty after reporting each
   * member of the declaration the generated class cannot coexist with.
   */
  static Optional<JavaFile> withoutMemberClashes(ProcessingEnvironment env, TypeElement type, String modelName, JavaFile file) {
    List<MemberClashes.Clash> clashes = MemberClashes.find(env.getElementUtils(), env.getTypeUtils(), type, modelName,
        GeneratedMembers.methods(file.typeSpec()));
    JavaFile safe = file;
    if (clashes.isEmpty()) {
      safe = GeneratedMembers.qualifyingClashes(file, type);
      clashes = GeneratedMembers.textualClashes(safe, type, env.getElementUtils(), modelName);
    }
    for (MemberClashes.Clash clash : clashes) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, "[gradgen.member-clash] " + clash.message(),
          clash.element().getEnclosingElement().equals(type) ? clash.element() : type);
    }
    return clashes.isEmpty() ? Optional.of(safe) : Optional.empty();
  }
}
