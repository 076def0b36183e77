package io.gradgen.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * The examples' command line: {@code java -jar gradgen-examples.jar <command> [options]}. Each
 * command is a {@link Command} listed in {@link #COMMANDS}.
 */
public final class Main {
  /** Every command, in the order the usage text lists them. */
  static final List<Command> COMMANDS =
      List.of(new SeedCommand(), new TrainCommand(), new InspectCommand(), new BenchCommand());

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command in {@code args}; returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      usage(err);
      return 2;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(out);
      return 0;
    }
    for (Command command : COMMANDS) {
      if (command.name().equals(args[0])) {
        return command.run(List.of(args).subList(1, args.length), out, err);
      }
    }
    err.println("unknown command '" + args[0] + "'");
    usage(err);
    return 2;
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar gradgen-examples.jar <command>");
    out.println();
    out.println("commands:");
    for (Command command : COMMANDS) {
      out.println("  " + command.usage());
    }
  }
}
