package io.gradgen.examples;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the examples' command line. */
interface Command {
  /** The word that selects it: {@code seed}, {@code train}, … */
  String name();

  /** One line for the usage text: arguments and what it does. */
  String usage();

  /**
   * Runs with the arguments after the command's name.
   *
   * @return the process exit code: 0 for success, 2 for bad arguments, 1 for a failure
   */
  int run(List<String> args, PrintStream out, PrintStream err);
}
