package io.gradgen.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.gradgen.ScratchPool;
import io.gradgen.processor.lower.LoweredMethod;
import io.gradgen.processor.lower.MethodSplit;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes straight-line bodies into a generated class, split into private static parts where a body
 * would pass HotSpot's 8,000-byte JIT limit ({@link MethodSplit}): the public method then calls its
 * parts in order, and the locals that cross a part boundary travel in a pooled spill array, one per call running at once.
 */
final class SplitBodies {
  /**
   * The spill array's name in the parts: with a {@code $}, which the JLS keeps for generated code,
   * so no user's argument or local can be named like it.
   */
  static final String SPILL_ARRAY = "spill$";

  private static final ClassName SCRATCH_POOL = ClassName.get(ScratchPool.class);

  private final TypeSpec.Builder type;
  private int slots;

  SplitBodies(TypeSpec.Builder type) {
    this.type = type;
  }

  /**
   * The code of a method whose statements are {@code body}: the rendered body itself, or, when it
   * is split, calls of its parts, which are added to the class.
   *
   * @param name the method's name, which names its parts ({@code gradientPart0})
   * @param parameters what every part takes (each method argument the body reads), in order
   * @param returns the method's return type, or {@code void}
   * @param render prints a body's statements
   */
  CodeBlock body(String name, List<ParameterSpec> parameters, TypeName returns, LoweredMethod body,
      Function<LoweredMethod, CodeBlock> render) {
    MethodSplit.Split split = MethodSplit.of(body);
    if (!split.isSplit()) {
      return render.apply(body);
    }
    slots = Math.max(slots, split.slots());
    String arguments = parameters.stream().map(p -> p.name()).collect(Collectors.joining(", "))
        + (parameters.isEmpty() ? "" : ", ") + SPILL_ARRAY;
    CodeBlock.Builder calls = CodeBlock.builder()
        .add("// split into $L parts, each under HotSpot's 8,000-byte JIT limit\n", split.parts().size())
        .addStatement("double[] $N = SPILL.take()", SPILL_ARRAY);
    for (int k = 0; k < split.parts().size(); k++) {
      boolean last = k == split.parts().size() - 1;
      String part = name + "Part" + k;
      MethodSpec.Builder m = MethodSpec.methodBuilder(part)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addJavadoc("Part $L of $L of {@code $L}.\n", k + 1, split.parts().size(), name)
          .returns(last ? returns : TypeName.VOID)
          .addParameters(parameters)
          .addParameter(ArrayTypeName.of(TypeName.DOUBLE), SPILL_ARRAY)
          .addCode(render.apply(split.parts().get(k)));
      type.addMethod(m.build());
      if (last && !returns.equals(TypeName.VOID)) {
        calls.addStatement("$T result$$ = $N($L)", returns, part, arguments)
            .addStatement("SPILL.give($N)", SPILL_ARRAY)
            .addStatement("return result$$");
      } else {
        calls.addStatement("$N($L)", part, arguments);
        if (last) {
          calls.addStatement("SPILL.give($N)", SPILL_ARRAY);
        }
      }
    }
    return calls.build();
  }

  /** Adds the spill array's field if any body was split. */
  void finish() {
    if (slots == 0) {
      return;
    }
    TypeName pool = ParameterizedTypeName.get(SCRATCH_POOL, ArrayTypeName.of(TypeName.DOUBLE));
    type.addField(FieldSpec.builder(pool, "SPILL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The values that cross the parts of a split method, one array per call running at once:\n"
            + "calls allocate nothing, on platform and virtual threads alike.\n")
        .initializer("new $T<>(() -> new double[$L])", SCRATCH_POOL, slots)
        .build());
  }

}
