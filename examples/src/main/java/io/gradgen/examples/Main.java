package io.gradgen.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The examples' command line: {@code java -jar gradgen-examples.jar <command> [options]}, parsed by
 * picocli. Every command answers {@code --help} and {@code --version}; {@code help <command>} works
 * too. Exit codes: 0 success, 1 failure, 2 bad arguments.
 */
@CommandLine.Command(
    name = "gradgen-examples",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "gradgen's examples: the worked seed network, training on the bundled data sets or any"
        + " CSV file, the generated code and its derivation, the benchmarks, and ONNX import and export.",
    commandListHeading = "%nCommands:%n")
public final class Main implements Callable<Integer> {
  /** Every command, in the order the usage text lists them. */
  static final List<Command> COMMANDS = commands();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main() {}

  private static List<Command> commands() {
    return List.of(new SeedCommand(), new TrainCommand(), new TrainCsvCommand(), new InspectCommand(), new BenchCommand(),
        new OnnxCommand());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Without a command: the usage text on standard error, exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("gradgen-examples: which command?");
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Runs the command in {@code args}; returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine line = configure(new CommandLine(new Main()), out, err);
    for (Command command : commands()) {
      command.out = out;
      command.err = err;
      line.addSubcommand(configure(new CommandLine(command), out, err));
    }
    line.addSubcommand("help", configure(new CommandLine(new CommandLine.HelpCommand()), out, err));
    return finish(line, line.execute(args));
  }

  /** Runs one command on its own (what {@link Command#run} does). */
  static int execute(Command command, String[] args, PrintStream out, PrintStream err) {
    command.out = out;
    command.err = err;
    CommandLine line = configure(new CommandLine(command), out, err);
    return finish(line, line.execute(args));
  }

  private static int finish(CommandLine line, int exit) {
    line.getOut().flush();
    line.getErr().flush();
    return exit;
  }

  private static CommandLine configure(CommandLine line, PrintStream out, PrintStream err) {
    line.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    line.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    line.setParameterExceptionHandler((e, args) -> {
      CommandLine failed = e.getCommandLine();
      PrintWriter w = failed.getErr();
      w.println(failed.getCommandName() + ": " + e.getMessage());
      w.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
      w.flush();
      return 2;
    });
    line.setExecutionExceptionHandler((e, failed, parsed) -> {
      PrintWriter w = failed.getErr();
      w.println(failed.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      w.flush();
      return 1;
    });
    return line;
  }

  /** The version recorded in the jar at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties build = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/gradgen-examples.properties")) {
        if (in != null) {
          build.load(in);
        }
      } catch (IOException e) {
        // no version information: say so below
      }
      return new String[] {
        "gradgen-examples " + build.getProperty("version", "(unknown version)"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
