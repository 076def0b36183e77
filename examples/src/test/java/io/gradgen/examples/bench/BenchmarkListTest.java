package io.gradgen.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JMH's annotation processor ran beside gradgen's: its {@code META-INF/BenchmarkList} lists every
 * benchmark of every network (generated and baseline × each of its operations) and the core's
 * multiply-add peak. Reads the
 * list only; running benchmarks is the {@code bench} command's job, never the test suite's.
 */
class BenchmarkListTest {
  @Test
  void everyNetworkHasItsBenchmarks() throws IOException {
    String list;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(in, "META-INF/BenchmarkList: JMH's generator did not run");
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    TreeSet<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("io\\.gradgen\\.examples\\.bench\\.(\\w+Benchmark) S \\d+ \\S+ S \\d+ (\\w+) ").matcher(list);
    while (m.find()) {
      found.add(m.group(1) + "." + m.group(2));
    }
    List<String> expected = new ArrayList<>();
    for (Benchmarks.Network network : Benchmarks.NETWORKS) {
      for (String variant : List.of("generated", "baseline")) {
        for (Benchmarks.Operation operation : Benchmarks.operations(network)) {
          expected.add(network.benchmark().getSimpleName() + "." + variant + operation.methodSuffix());
        }
      }
    }
    // every run's own peak (see Benchmarks.options)
    for (String method : List.of("doubleFma", "doubleMultiplyAdd", "floatFma", "floatMultiplyAdd")) {
      expected.add(PeakBenchmark.class.getSimpleName() + "." + method);
    }
    assertEquals(new TreeSet<>(expected), found);
  }
}
