package io.gradgen.data;

/**
 * Decimal numbers parsed straight from a CSV record's characters, correctly rounded.
 *
 * <p>The common case — at most 15 significant digits and a decimal exponent within ±22 — is exact
 * arithmetic on doubles: the digits form an integer below 2⁵³ and the power of ten is exactly
 * representable, so one multiplication or division rounds once, correctly (the "fast path" of
 * Clinger's 1990 paper on reading floating-point numbers). Everything else goes to {@link
 * Double#parseDouble}.
 */
final class Numbers {
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  private Numbers() {}

  /**
   * The number in {@code text[from..to)}, spaces around it ignored; NaN when it is not a decimal
   * number ({@code [+-]digits[.digits][(e|E)[+-]digits]}, at least one digit before the exponent);
   * ±infinity when it overflows.
   */
  static double parse(char[] text, int from, int to) {
    int i = from;
    int end = to;
    while (i < end && text[i] <= ' ') {
      i++;
    }
    while (end > i && text[end - 1] <= ' ') {
      end--;
    }
    int start = i;
    if (i == end) {
      return Double.NaN;
    }
    boolean negative = false;
    if (text[i] == '-' || text[i] == '+') {
      negative = text[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int exponent = 0;
    boolean exact = true;
    for (; i < end && text[i] >= '0' && text[i] <= '9'; i++) {
      digits++;
      if (significant > 0 || text[i] != '0') {
        significant++;
        if (significant <= 18) {
          mantissa = mantissa * 10 + (text[i] - '0');
        } else {
          exact = false;
        }
      }
    }
    if (i < end && text[i] == '.') {
      i++;
      for (; i < end && text[i] >= '0' && text[i] <= '9'; i++) {
        digits++;
        if (significant > 0 || text[i] != '0') {
          significant++;
          if (significant <= 18) {
            mantissa = mantissa * 10 + (text[i] - '0');
            exponent--;
          } else {
            exact = false;
          }
        } else {
          exponent--;
        }
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (text[i] == '-' || text[i] == '+')) {
        negativeExponent = text[i] == '-';
        i++;
      }
      int exponentDigits = 0;
      int e = 0;
      for (; i < end && text[i] >= '0' && text[i] <= '9'; i++) {
        exponentDigits++;
        if (e < 100_000) {
          e = e * 10 + (text[i] - '0');
        }
      }
      if (exponentDigits == 0) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != end) {
      return Double.NaN;
    }
    if (exact && significant <= 15 && exponent >= -22 && exponent <= 22) {
      double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
      return negative ? -value : value;
    }
    return Double.parseDouble(new String(text, start, end - start));
  }
}
