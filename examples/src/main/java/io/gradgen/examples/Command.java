package io.gradgen.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * One sub-command of the examples' command line: a picocli {@code @Command} whose options are its
 * annotated fields. {@link #call} runs it after picocli has parsed the arguments; it writes to
 * {@link #out} and {@link #err}, which {@link Main} sets.
 */
abstract class Command implements Callable<Integer> {
  /** Where results go. */
  PrintStream out = System.out;

  /** Where progress and errors go. */
  PrintStream err = System.err;

  /** The word that selects it: {@code seed}, {@code train}, … (its {@code @Command} name). */
  final String name() {
    return getClass().getAnnotation(CommandLine.Command.class).name();
  }

  /**
   * Parses {@code args} (the arguments after the command's name) and runs the command.
   *
   * @return the process exit code: 0 for success, 2 for bad arguments, 1 for a failure
   */
  final int run(List<String> args, PrintStream out, PrintStream err) {
    return Main.execute(this, args.toArray(new String[0]), out, err);
  }
}
