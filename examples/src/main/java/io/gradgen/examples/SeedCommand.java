package io.gradgen.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@code seed [--json]}: runs the worked 2-2-2 network of SEEDS.md §3 through the generated {@code
 * SeedNetModel} and prints its outputs, loss and every gradient.
 */
final class SeedCommand implements Command {
  @Override
  public String name() {
    return "seed";
  }

  @Override
  public String usage() {
    return "seed [--json]   the worked 2-2-2 network: outputs, loss and every gradient";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    boolean json = false;
    for (String arg : args) {
      if (arg.equals("--json")) {
        json = true;
      } else {
        err.println("seed: unknown option '" + arg + "' (expected --json)");
        return 2;
      }
    }
    SeedExample.Result result = SeedExample.run();
    out.print(json ? json(result) : table(result));
    return 0;
  }

  /** One JSON object: out_o1, out_o2, E_total, and ∂E/∂θ under each parameter's name. */
  static String json(SeedExample.Result r) {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"out_o1\": ").append(r.outputs()[0]);
    sb.append(", \"out_o2\": ").append(r.outputs()[1]);
    sb.append(", \"E_total\": ").append(r.loss());
    for (Map.Entry<String, Double> e : r.gradientByName().entrySet()) {
      sb.append(", \"").append(e.getKey()).append("\": ").append(e.getValue());
    }
    return sb.append("}\n").toString();
  }

  static String table(SeedExample.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("SEEDS.md §3 network: inputs 0.10, 0.20; targets 0.85, 0.30; η = 1\n\n");
    sb.append(String.format(Locale.ROOT, "  out_o1  = %.9f%n", r.outputs()[0]));
    sb.append(String.format(Locale.ROOT, "  out_o2  = %.9f%n", r.outputs()[1]));
    sb.append(String.format(Locale.ROOT, "  E_total = %.9f%n%n", r.loss()));
    sb.append("  param      value       ∂E/∂θ          after one step\n");
    for (int i = 0; i < r.gradient().length; i++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-6s %9.4f  %15.9f  %15.9f%n",
              SeedExample.PARAMETER_NAMES[i],
              SeedExample.PARAMETERS[i],
              r.gradient()[i],
              r.updated()[i]));
    }
    sb.append("\nGenerated source: ").append(generatedSource("SeedNetModel")).append('\n');
    return sb.toString();
  }

  /** Where the build wrote {@code <model>.java}, as recorded in the jar at build time. */
  static String generatedSource(String model) {
    Properties build = new Properties();
    try (InputStream in = SeedCommand.class.getResourceAsStream("/gradgen-examples.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
    String dir = build.getProperty("generated.sources");
    if (dir == null) {
      return "(unknown: the jar carries no build information)";
    }
    Path file = Path.of(dir, "io", "gradgen", "examples", model + ".java");
    return Files.exists(file) ? file.toString() : file + " (not on this machine; rebuild to see it)";
  }
}
