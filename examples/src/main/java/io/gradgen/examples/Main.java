package io.gradgen.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The command-line demo: {@code java -jar gradgen-examples.jar seed [--json]}.
 *
 * <p>{@code seed} runs the worked 2-2-2 network of SEEDS.md §3 through the generated {@code
 * SeedNetModel} and prints its outputs, loss and every gradient.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command in {@code args}; returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    switch (args[0]) {
      case "seed" -> {
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
          if (args[i].equals("--json")) {
            json = true;
          } else {
            err.println("seed: unknown option '" + args[i] + "' (expected --json)");
            return 2;
          }
        }
        SeedExample.Result result = SeedExample.run();
        out.print(json ? seedJson(result) : seedTable(result));
        return 0;
      }
      default -> {
        err.println("unknown command '" + args[0] + "'");
        usage(err);
        return 2;
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar gradgen-examples.jar <command>");
    out.println();
    out.println("commands:");
    out.println("  seed [--json]   the worked 2-2-2 network: outputs, loss and every gradient");
  }

  /** One JSON object: out_o1, out_o2, E_total, and ∂E/∂θ under each parameter's name. */
  static String seedJson(SeedExample.Result r) {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"out_o1\": ").append(r.outputs()[0]);
    sb.append(", \"out_o2\": ").append(r.outputs()[1]);
    sb.append(", \"E_total\": ").append(r.loss());
    for (Map.Entry<String, Double> e : r.gradientByName().entrySet()) {
      sb.append(", \"").append(e.getKey()).append("\": ").append(e.getValue());
    }
    return sb.append("}\n").toString();
  }

  static String seedTable(SeedExample.Result r) {
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
    sb.append("\nGenerated source: ").append(generatedSource()).append('\n');
    return sb.toString();
  }

  /** Where the build wrote SeedNetModel.java, as recorded in the jar at build time. */
  static String generatedSource() {
    Properties build = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/gradgen-examples.properties")) {
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
    Path file = Path.of(dir, "io", "gradgen", "examples", "SeedNetModel.java");
    return Files.exists(file) ? file.toString() : file + " (not on this machine; rebuild to see it)";
  }
}
