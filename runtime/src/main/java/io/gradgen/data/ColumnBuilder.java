package io.gradgen.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one CSV column while the file is read: numbers while every value is one, then, from the
 * first value that is not a number, text (each distinct text stored once, rows as codes). A missing
 * value is NaN in a numeric column and code −1 in a text one.
 */
final class ColumnBuilder {
  private final String name;
  private double[] numbers = new double[1024];
  private int[] codes;
  private Map<String, Integer> index;
  private List<String> levels;
  private int size;
  private int missing;

  ColumnBuilder(String name) {
    this.name = name;
  }

  void addMissing() {
    ensure();
    if (codes == null) {
      numbers[size++] = Double.NaN;
    } else {
      codes[size++] = -1;
    }
    missing++;
  }

  /** Adds a number; a text column stores its shortest text. */
  void addNumber(double value) {
    ensure();
    if (codes == null) {
      numbers[size++] = value;
    } else {
      codes[size++] = code(Table.format(value));
    }
  }

  /** Adds a text; a numeric column turns into a text column first. */
  void addText(String text) {
    if (codes == null) {
      toText();
    }
    ensure();
    codes[size++] = code(text);
  }

  String name() {
    return name;
  }

  boolean isText() {
    return codes != null;
  }

  private int code(String text) {
    Integer code = index.get(text);
    if (code == null) {
      code = levels.size();
      levels.add(text);
      index.put(text, code);
    }
    return code;
  }

  private void toText() {
    index = new HashMap<>();
    levels = new ArrayList<>();
    codes = new int[Math.max(numbers.length, 16)];
    for (int i = 0; i < size; i++) {
      codes[i] = Double.isNaN(numbers[i]) ? -1 : code(Table.format(numbers[i]));
    }
    numbers = null;
  }

  private void ensure() {
    if (codes == null) {
      if (size == numbers.length) {
        numbers = Arrays.copyOf(numbers, numbers.length * 2);
      }
    } else if (size == codes.length) {
      codes = Arrays.copyOf(codes, codes.length * 2);
    }
  }

  Table.Column build() {
    return codes == null
        ? new Table.Column(name, Arrays.copyOf(numbers, size), null, List.of(), missing)
        : new Table.Column(name, null, Arrays.copyOf(codes, size), List.copyOf(levels), missing);
  }
}
