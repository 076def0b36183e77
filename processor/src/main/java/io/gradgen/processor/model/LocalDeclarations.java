package io.gradgen.processor.model;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.gradgen.Differentiable;
import io.gradgen.Network;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code @Network} and {@code @Differentiable} inside a method body: annotation processors are
 * never shown local or anonymous classes, so gradgen would silently generate nothing for them.
 * Found in the source, each annotation's type resolved through the compiler's symbols.
 */
public final class LocalDeclarations {
  /**
   * One annotation gradgen cannot process.
   *
   * @param tree the annotation, where the error goes
   * @param message what to write instead
   */
  public record Found(Tree tree, String message) {}

  private LocalDeclarations() {}

  /** The gradgen annotations on local and anonymous classes (and their methods) inside {@code type}. */
  public static List<Found> in(Elements elements, TypeElement type, ClassTree tree, CompilationUnitTree unit) {
    NameScope scope = new NameScope(elements, type, unit);
    List<Found> found = new ArrayList<>();
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitClass(ClassTree c, Integer bodies) {
        if (bodies > 0) {
          String name = c.getSimpleName().length() == 0 ? "an anonymous class" : "the local " + kind(c) + " " + c.getSimpleName();
          for (AnnotationTree a : c.getModifiers().getAnnotations()) {
            if (is(a, Network.class)) {
              found.add(new Found(a, "@Network on " + name + " is never processed: annotation processors do not see"
                  + " classes declared inside a method; declare it as a top-level or member (static nested) interface"));
            }
          }
          for (Tree member : c.getMembers()) {
            if (member instanceof MethodTree m) {
              for (AnnotationTree a : m.getModifiers().getAnnotations()) {
                if (is(a, Differentiable.class)) {
                  found.add(new Found(a, "@Differentiable on a method of " + name + " is never processed: annotation"
                      + " processors do not see classes declared inside a method; move " + m.getName()
                      + " into a top-level or member class"));
                }
              }
            }
          }
        }
        return super.visitClass(c, bodies);
      }

      @Override
      public Void visitMethod(MethodTree m, Integer bodies) {
        scan(m.getModifiers(), bodies);
        scan(m.getParameters(), bodies);
        return scan(m.getBody(), bodies + 1);
      }

      @Override
      public Void visitBlock(BlockTree b, Integer bodies) {
        return super.visitBlock(b, bodies + 1); // initializer blocks and nested blocks count as bodies too
      }

      @Override
      public Void visitNewClass(com.sun.source.tree.NewClassTree n, Integer bodies) {
        return super.visitNewClass(n, bodies + 1); // an anonymous class's body, even in a field initializer
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Integer bodies) {
        return super.visitLambdaExpression(l, bodies + 1);
      }

      private boolean is(AnnotationTree a, Class<?> annotation) {
        String written = a.getAnnotationType().toString();
        if (!written.equals(annotation.getSimpleName()) && !written.equals(annotation.getCanonicalName())) {
          return false;
        }
        return scope.qualifier((com.sun.source.tree.ExpressionTree) a.getAnnotationType())
            .filter(t -> t.getQualifiedName().contentEquals(annotation.getCanonicalName()))
            .isPresent();
      }
    }.scan(tree, 0);
    return found;
  }

  private static String kind(ClassTree c) {
    return switch (c.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case RECORD -> "record";
      default -> "class";
    };
  }
}
