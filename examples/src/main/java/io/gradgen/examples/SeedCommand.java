package io.gradgen.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code seed [--json]}: runs the worked 2-2-2 network of docs/SEEDS.md §3 through the generated
 * {@code SeedNetModel} and prints its outputs, loss and every gradient.
 */
@CommandLine.Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "The worked 2-2-2 network of docs/SEEDS.md §3: outputs, loss and every gradient.")
final class SeedCommand extends Command {
  @CommandLine.Option(names = "--json", description = "print the numbers as one JSON object")
  boolean json;

  @Override
  public Integer call() {
    SeedExample.Result result = SeedExample.run();
    out.print(json ? json(result) : table(result));
    return 0;
  }

  /** One JSON object: out_o1, out_o2, E_total, and ∂E/∂θ under each parameter's name. */
  static String json(SeedExample.Result r) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("out_o1", r.outputs()[0]);
    values.put("out_o2", r.outputs()[1]);
    values.put("E_total", r.loss());
    values.putAll(r.gradientByName());
    return Json.object(values) + "\n";
  }

  static String table(SeedExample.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("docs/SEEDS.md §3 network: inputs 0.10, 0.20; targets 0.85, 0.30; η = 1\n\n");
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
