package io.gradgen.processor.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a straight-line body whose bytecode would pass HotSpot's 8,000-byte JIT limit (a method
 * past it is never compiled and runs interpreted, 30–100× slower) into parts that each stay under
 * it. A local that a later part reads is spilled into a pooled array {@code v} where it is
 * computed and loaded back at the top of the part that reads it; the order of the statements, and
 * so every value, is unchanged.
 */
public final class MethodSplit {
  /** HotSpot's {@code HugeMethodLimit}. */
  public static final int JIT_LIMIT = 8_000;

  /**
   * What a part may take by the estimate below: the estimate counts every operation at its widest
   * encoding, so real parts come out smaller; the rest of the margin is for the part's prologue.
   */
  static final int PART_BUDGET = 6_000;

  /**
   * A body in parts.
   *
   * @param parts the statements of each part, with their loads and spills; one part when the body
   *     fits
   * @param slots how many elements the spill array needs
   */
  public record Split(List<LoweredMethod> parts, int slots) {
    public boolean isSplit() {
      return parts.size() > 1;
    }
  }

  private MethodSplit() {}

  /** The most a part may take by the estimate once its loads and spills are counted. */
  static final int PART_LIMIT = 7_000;

  /**
   * {@code body} as it is when its estimate fits the budget, else in parts: cut greedily, then
   * checked with every load and spill counted, and cut finer until every part is within {@link
   * #PART_LIMIT}.
   */
  public static Split of(LoweredMethod body) {
    for (int budget = PART_BUDGET; budget >= 500; budget = budget * 3 / 4) {
      Split split = of(body, budget);
      if (split.parts().stream().allMatch(p -> estimate(p) <= PART_LIMIT)) {
        return split;
      }
    }
    throw new IllegalStateException("a single statement of " + body.statements().size()
        + " is past the JIT limit on its own");
  }

  static long estimate(LoweredMethod part) {
    long bytes = 0;
    for (Statement s : part.statements()) {
      bytes += BytecodeEstimate.of(s);
    }
    return bytes;
  }

  static Split of(LoweredMethod body, int budget) {
    List<Statement> statements = body.statements();
    long total = 0;
    for (Statement s : statements) {
      total += BytecodeEstimate.of(s);
    }
    if (total <= budget) {
      return new Split(List.of(body), 0);
    }
    Map<String, Integer> definedIn = new HashMap<>();
    List<List<Statement>> parts = new ArrayList<>();
    List<Statement> current = new ArrayList<>();
    Set<String> loadedHere = new LinkedHashSet<>();
    long bytes = 0;
    for (Statement s : statements) {
      Set<String> reads = new LinkedHashSet<>();
      BytecodeEstimate.localsRead(s, definedIn.keySet(), reads);
      long cost = BytecodeEstimate.of(s);
      for (String local : reads) {
        if (definedIn.get(local) < parts.size() && !loadedHere.contains(local)) {
          cost += BytecodeEstimate.SPILL;
        }
      }
      if (bytes + cost > budget && !current.isEmpty()) {
        parts.add(current);
        current = new ArrayList<>();
        loadedHere.clear();
        bytes = 0;
        cost = BytecodeEstimate.of(s) + (long) reads.size() * BytecodeEstimate.SPILL;
      }
      for (String local : reads) {
        if (definedIn.get(local) < parts.size()) {
          loadedHere.add(local);
        }
      }
      current.add(s);
      bytes += cost;
      if (s instanceof Statement.Local l) {
        definedIn.put(l.name(), parts.size());
      }
    }
    parts.add(current);
    return withSpills(parts, definedIn);
  }

  /** Adds the loads at the top of each part and a spill after each local a later part reads. */
  private static Split withSpills(List<List<Statement>> parts, Map<String, Integer> definedIn) {
    Map<String, Integer> slots = new HashMap<>();
    List<Set<String>> loads = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Set<String> reads = new LinkedHashSet<>();
      for (Statement s : parts.get(p)) {
        BytecodeEstimate.localsRead(s, definedIn.keySet(), reads);
      }
      Set<String> fromEarlier = new LinkedHashSet<>();
      for (String local : reads) {
        if (definedIn.get(local) < p) {
          fromEarlier.add(local);
          slots.computeIfAbsent(local, k -> slots.size());
        }
      }
      loads.add(fromEarlier);
    }
    List<LoweredMethod> result = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      List<Statement> out = new ArrayList<>();
      for (String local : loads.get(p)) {
        out.add(new Statement.Load(local, slots.get(local)));
      }
      for (Statement s : parts.get(p)) {
        out.add(s);
        if (s instanceof Statement.Local l && slots.containsKey(l.name())) {
          out.add(new Statement.Spill(l.name(), slots.get(l.name())));
        }
      }
      result.add(new LoweredMethod(out));
    }
    return new Split(result, slots.size());
  }
}
