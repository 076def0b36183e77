package io.gradgen.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.gradgen.Activation;
import io.gradgen.Bias;
import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import io.gradgen.Precision;
import io.gradgen.processor.testing.CompiledModels;
import io.gradgen.processor.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A seeded generator of random declarations — depths, widths (overflowing int too), activations
 * (custom ones, guarded ones whose untaken branch is infinite), losses, biases, names (also those of
 * generated variables and members), precisions, code shapes, interfaces and abstract classes with
 * members that clash with the generated class, sealed ones, valid or not — run through the processor. Every declaration this test's
 * own statement of the rules calls valid compiles and its gradient matches finite differences (a
 * float model: its double twin, to float accuracy);
 * every invalid one gets a tagged compile error; none makes the processor fail internally.
 *
 * <p>{@code mvn -pl processor test -Dtest=DeclarationFuzzTest -Dgradgen.fuzz.cases=5000
 * -Dgradgen.fuzz.seed=7} runs more cases, or other ones.
 */
class DeclarationFuzzTest {
  private static final int CASES = Integer.getInteger("gradgen.fuzz.cases", 300);
  private static final long SEED = Long.getLong("gradgen.fuzz.seed", 20261123L);
  /** Layer names: valid ones that are also names of generated variables and members, and invalid ones. */
  private static final String[] NAMES = {"h", "hidden", "out", "z9", "layer_2", "bad name", "class", "h",
      "dE_h", "dE_l0", "x", "t", "p", "s", "b", "up", "grad", "values", "delta", "E", "Scratch", "PARAMETERS", "INPUTS"};

  /** Custom activations: a plain one and guarded ones whose untaken branch is infinite or NaN somewhere. */
  private static final List<String> ACTIVATIONS = List.of("softsign", "sinc", "softplusTail", "eluByHand");

  private record Layer(String name, int units, Activation activation, Bias bias, String function) {}

  /** What else the declaring type holds, and whether gradgen can implement it with that. */
  enum Member {
    NONE(true), HELPER(true), SEALED_PERMITTED(true), STATIC_CHECK_LENGTH(false), FINAL_PREDICT(false),
    THROWING_CONSTRUCTOR(false), NESTED_MATH(false), FIELD_JAVA(false), SEALED_OTHER(false);

    final boolean valid;

    Member(boolean valid) {
      this.valid = valid;
    }
  }

  private record Declaration(
      String name, int inputs, List<Layer> layers, Loss loss, String lossFunction, Precision precision,
      String code, boolean abstractClass, Member member) {
    /** The same declaration in double, to compare a float model with. */
    Declaration doubleTwin() {
      return new Declaration(name + "Twin", inputs, layers, loss, lossFunction, Precision.DOUBLE, code, abstractClass, member);
    }

    boolean guarded() {
      return layers.stream().anyMatch(l -> l.activation() == Activation.CUSTOM && !l.function().equals("softsign"));
    }

    String source() {
      StringBuilder sb = new StringBuilder("package fuzz;\nimport io.gradgen.*;\n@Network(inputs = ")
          .append(inputs).append(", layers = {");
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        sb.append(i == 0 ? "\n" : ",\n").append("  @Dense(name = \"").append(l.name()).append("\", units = ")
            .append(l.units()).append(", activation = Activation.").append(l.activation())
            .append(", bias = Bias.").append(l.bias());
        if (!l.function().isEmpty()) {
          sb.append(", function = \"").append(l.function()).append('"');
        }
        sb.append(')');
      }
      sb.append("},\n  loss = Loss.").append(loss);
      if (!lossFunction.isEmpty()) {
        sb.append(", lossFunction = \"").append(lossFunction).append('"');
      }
      if (precision == Precision.FLOAT) {
        sb.append(", precision = Precision.FLOAT");
      }
      if (!code.equals("AUTO")) {
        sb.append(", code = CodeShape.").append(code);
      }
      boolean sealed = member == Member.SEALED_PERMITTED || member == Member.SEALED_OTHER;
      sb.append(")\npublic ").append(sealed ? "sealed " : "")
          .append(abstractClass ? "abstract class " : "interface ").append(name)
          .append(abstractClass && member == Member.FINAL_PREDICT ? " implements DifferentiableModel" : "")
          .append(member == Member.SEALED_PERMITTED ? " permits " + name + "Model"
              : member == Member.SEALED_OTHER ? " permits " + name + ".Other" : "")
          .append(" {\n");
      String visible = abstractClass ? "protected " : "";
      if (abstractClass) {
        sb.append("  protected ").append(name).append("()")
            .append(member == Member.THROWING_CONSTRUCTOR ? " throws Exception" : "").append(" {}\n");
      }
      sb.append(switch (member) {
        case HELPER -> abstractClass ? "  protected double helper() { return 1; }\n" : "  default double helper() { return 1; }\n";
        // The generated checkLength takes the model's own array type.
        case STATIC_CHECK_LENGTH -> (abstractClass ? "  static void" : "  default void") + " checkLength(String n, "
            + (precision == Precision.FLOAT ? "float" : "double") + "[] a, int l) {}\n";
        case FINAL_PREDICT -> abstractClass ? "  public final void predict(double[] x, double[] y) {}\n" : "  final class Math {}\n";
        case NESTED_MATH -> "  " + visible + "static final class Math {}\n";
        case FIELD_JAVA -> abstractClass ? "  protected int java;\n" : "  int java = 1;\n";
        case SEALED_OTHER -> "  " + (abstractClass ? "static final class Other extends " : "final class Other implements ") + name + " {}\n";
        default -> "";
      });
      sb.append("  @Differentiable static double softsign(double z) { return z / (1 + Math.abs(z)); }\n")
          .append("  @Differentiable static double sinc(double z) { return z == 0 ? 1 : Math.sin(z) / z; }\n")
          .append("  @Differentiable static double softplusTail(double z) { return z > 30 ? z : Math.log1p(Math.exp(z)); }\n")
          .append("  @Differentiable static double eluByHand(double z) { return z > 0 ? z : Math.exp(z) - 1; }\n")
          .append("  @Differentiable static double cauchy(double o, double t) { return Math.log1p((o - t) * (o - t)); }\n")
          .append("  @Differentiable static double pair(double a, double b) { return a * b; }\n")
          .append("}\n");
      return sb.toString();
    }

    /** The rules of the declaration API, stated independently of the processor's validator. */
    boolean valid() {
      // An interface has no constructor to throw from: that member is not written there.
      boolean memberOk = member.valid || member == Member.THROWING_CONSTRUCTOR && !abstractClass;
      if (inputs < 1 || inputs > 1_000_000 || layers.isEmpty() || !memberOk) {
        return false;
      }
      Set<String> names = new HashSet<>();
      long weights = 0;
      int fanIn = inputs;
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        boolean last = i == layers.size() - 1;
        if (l.units() < 1 || l.units() > 1_000_000 || !l.name().matches("[A-Za-z_][A-Za-z0-9_]*")
            || l.name().equals("class") || l.name().startsWith("dE_") || !names.add(l.name())) {
          return false;
        }
        if (l.activation() == Activation.SOFTMAX && (!last || l.units() < 2)) {
          return false;
        }
        boolean custom = l.activation() == Activation.CUSTOM;
        if (custom != !l.function().isEmpty() || (custom && !ACTIVATIONS.contains(l.function()))) {
          return false;
        }
        weights += (long) fanIn * l.units();
        fanIn = l.units();
      }
      Activation output = layers.get(layers.size() - 1).activation();
      if (loss == Loss.BINARY_CROSS_ENTROPY && output != Activation.SIGMOID
          || loss == Loss.CATEGORICAL_CROSS_ENTROPY && output != Activation.SOFTMAX) {
        return false;
      }
      boolean customLoss = loss == Loss.CUSTOM;
      if (customLoss != !lossFunction.isEmpty() || (customLoss && !lossFunction.equals("cauchy"))) {
        return false;
      }
      return weights <= Integer.MAX_VALUE - 8L;
    }

    /** Large enough that the size rule may reject it (it estimates generously). */
    boolean large() {
      if (code.equals("LOOPS")) {
        return false; // loops have no size limit
      }
      long weights = 0;
      long neurons = 0;
      int fanIn = inputs;
      for (Layer l : layers) {
        weights += (long) fanIn * Math.max(0, l.units());
        neurons += Math.max(0, l.units());
        fanIn = l.units();
      }
      return weights > 600 || neurons > 200;
    }
  }

  private static Declaration random(Random r, int n) {
    int depth = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      boolean last = i == depth - 1;
      Activation activation = pick(r, Activation.values(), last ? 0.8 : 0.95, Activation.TANH);
      String function = activation == Activation.CUSTOM
          ? (r.nextInt(8) == 0 ? (r.nextBoolean() ? "" : "pair") : ACTIVATIONS.get(r.nextInt(ACTIVATIONS.size())))
          : (r.nextInt(40) == 0 ? "softsign" : "");
      String name = r.nextInt(12) == 0 ? NAMES[r.nextInt(NAMES.length)] : "l" + i;
      int units = r.nextInt(25) == 0 ? r.nextInt(3) - 1 : 1 + r.nextInt(activation == Activation.SOFTMAX ? 4 : 5);
      if (r.nextInt(60) == 0) {
        units = 400; // past the size limit of straight-line code
      } else if (r.nextInt(80) == 0) {
        units = r.nextBoolean() ? Integer.MAX_VALUE : 1_000_001; // past every size limit, overflowing int
      }
      layers.add(new Layer(name, units, activation, Bias.values()[r.nextInt(3)], function));
    }
    Loss loss = Loss.values()[r.nextInt(Loss.values().length)];
    String lossFunction = loss == Loss.CUSTOM
        ? (r.nextInt(8) == 0 ? "softsign" : "cauchy")
        : (r.nextInt(40) == 0 ? "cauchy" : "");
    // Steer most declarations towards a loss their output layer supports, so most are valid.
    if (!layers.isEmpty() && r.nextInt(4) != 0) {
      Activation out = layers.get(layers.size() - 1).activation();
      if (out == Activation.SOFTMAX) {
        loss = r.nextBoolean() ? Loss.CATEGORICAL_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR;
      } else if (out == Activation.SIGMOID && r.nextBoolean()) {
        loss = Loss.BINARY_CROSS_ENTROPY;
      } else if (loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CATEGORICAL_CROSS_ENTROPY) {
        loss = Loss.HALF_SUM_SQUARED_ERROR;
      }
      lossFunction = loss == Loss.CUSTOM ? "cauchy" : "";
    }
    int inputs = r.nextInt(25) == 0 ? r.nextInt(2) - 1 : 1 + r.nextInt(4);
    if (r.nextInt(80) == 0) {
      inputs = Integer.MAX_VALUE;
    }
    Precision precision = r.nextInt(4) == 0 ? Precision.FLOAT : Precision.DOUBLE;
    String code = new String[] {"AUTO", "AUTO", "STRAIGHT_LINE", "LOOPS"}[r.nextInt(4)];
    boolean abstractClass = r.nextInt(4) == 0;
    Member member = r.nextInt(3) != 0 ? Member.NONE : Member.values()[r.nextInt(Member.values().length)];
    return new Declaration("Fuzz" + n, inputs, layers, loss, lossFunction, precision, code, abstractClass, member);
  }

  private static <T> T pick(Random r, T[] values, double keepCommon, T common) {
    return r.nextDouble() < keepCommon ? values[r.nextInt(values.length)] : common;
  }

  @Test
  void everyValidDeclarationCompilesWithExactGradientsAndEveryInvalidOneIsACompileError() {
    Random r = new Random(SEED);
    List<Declaration> valid = new ArrayList<>();
    List<Declaration> large = new ArrayList<>();
    List<Declaration> invalid = new ArrayList<>();
    for (int n = 0; n < CASES; n++) {
      Declaration d = random(r, n);
      (!d.valid() ? invalid : d.large() ? large : valid).add(d);
    }
    // A large valid declaration either compiles (javac never says "code too large") or the size rule rejects it.
    for (Declaration d : large) {
      Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(file(d));
      if (c.status() == Compilation.Status.SUCCESS) {
        check(d, CompiledModels.compile(List.of(file(d), file(d.doubleTwin()))));
      } else {
        List<String> errors = c.errors().stream().map(e -> e.getMessage(null)).collect(Collectors.toList());
        assertTrue(errors.size() == 1 && errors.get(0).startsWith("[gradgen.size]"),
            "a large declaration failed for another reason: " + errors + "\n" + d.source());
      }
    }
    assertTrue(valid.size() > CASES / 3 && invalid.size() > CASES / 10,
        "the generator covers both: " + valid.size() + " valid, " + invalid.size() + " invalid");

    for (int from = 0; from < valid.size(); from += 100) {
      List<Declaration> batch = valid.subList(from, Math.min(valid.size(), from + 100));
      List<JavaFileObject> sources = new ArrayList<>();
      for (Declaration d : batch) {
        sources.add(file(d));
        if (d.precision() == Precision.FLOAT) {
          sources.add(file(d.doubleTwin()));
        }
      }
      CompiledModels compiled = CompiledModels.compile(sources);
      for (Declaration d : batch) {
        check(d, compiled);
      }
    }

    for (Declaration d : invalid) {
      Compilation c = Compiler.javac().withProcessors(new GradgenProcessor()).compile(file(d));
      List<String> errors = c.errors().stream().map(e -> e.getMessage(null)).collect(Collectors.toList());
      assertFalse(errors.isEmpty(), "no error for an invalid declaration:\n" + d.source());
      // A sealed declaration that permits its model names a class that is only generated when the
      // declaration is valid: javac's "cannot find symbol" for it follows gradgen's error.
      errors.removeIf(e -> d.member() == Member.SEALED_PERMITTED && e.startsWith("cannot find symbol")
          && e.contains("class " + d.name() + "Model"));
      assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.startsWith("[gradgen.") && !e.startsWith("[gradgen.internal]")),
          "unexpected errors " + errors + " for:\n" + d.source());
      assertTrue(c.diagnostics().stream().noneMatch(x -> x.getKind() == Diagnostic.Kind.ERROR && x.getSource() == null),
          "every error points into the source:\n" + d.source());
    }
  }

  private static JavaFileObject file(Declaration d) {
    return JavaFileObjects.forSourceString("fuzz." + d.name(), d.source());
  }

  /** A double model against finite differences; a float model against its double twin. */
  private static void check(Declaration d, CompiledModels compiled) {
    if (d.precision() == Precision.DOUBLE) {
      checkGradient(d, compiled.model("fuzz." + d.name() + "Model"));
      return;
    }
    io.gradgen.DifferentiableFloatModel model = compiled.floatModel("fuzz." + d.name() + "Model");
    DifferentiableModel twin = compiled.model("fuzz." + d.doubleTwin().name() + "Model");
    checkGradient(d.doubleTwin(), twin);
    Random r = new Random(d.name().hashCode());
    for (int i = 0; i < model.parameterCount(); i++) {
      float v = (float) (r.nextDouble() * 2 - 1);
      model.parameters().set(i, v);
      twin.parameters().set(i, v);
    }
    float[] x = new float[model.inputCount()];
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
      xd[i] = x[i];
    }
    float[] t = new float[model.outputCount()];
    double[] td = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = 1f / t.length;
      td[i] = t[i];
    }
    float[] g = new float[model.parameterCount()];
    double[] gd = new double[g.length];
    double loss = twin.gradient(xd, td, gd);
    float floatLoss = model.gradient(x, t, g);
    double scale = Math.max(1, Math.abs(loss));
    assertTrue(Math.abs(loss - floatLoss) <= 1e-4 * scale, d.name() + " loss " + floatLoss + " vs " + loss + "\n" + d.source());
    for (int i = 0; i < g.length; i++) {
      assertTrue(Math.abs(gd[i] - g[i]) <= 1e-4 * Math.max(scale, Math.abs(gd[i])),
          d.name() + " ∂E/∂" + model.parameterName(i) + ": float " + g[i] + " vs double " + gd[i] + "\n" + d.source());
    }
  }

  private static void checkGradient(Declaration d, DifferentiableModel model) {
    Random r = new Random(d.name().hashCode());
    double[] p = new double[model.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextDouble() * 2 - 1;
    }
    model.parameters().copyFrom(p);
    double[] x = new double[model.inputCount()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble() * 2 - 1;
    }
    double[] t = new double[model.outputCount()];
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      t[i] = r.nextDouble();
      sum += t[i];
    }
    if (d.loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
      for (int i = 0; i < t.length; i++) {
        t[i] /= sum;
      }
    }
    FiniteDifferences.assertGradientMatches(model, x, t, d.name() + "\n" + d.source());
    if (d.guarded()) {
      // Pre-activations in the hundreds, where the untaken branches overflow or divide by 0: a
      // finite loss has a finite gradient.
      for (int i = 0; i < p.length; i++) {
        p[i] *= 400;
      }
      model.parameters().copyFrom(p);
      double[] g = new double[p.length];
      double loss = model.gradient(x, t, g);
      for (int i = 0; i < g.length && Double.isFinite(loss); i++) {
        assertTrue(Double.isFinite(g[i]), d.name() + " ∂E/∂" + model.parameterName(i) + " = " + g[i]
            + " at a finite loss " + loss + "\n" + d.source());
      }
    }
  }
}
