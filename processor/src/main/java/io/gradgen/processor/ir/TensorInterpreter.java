package io.gradgen.processor.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates tensor nodes numerically, element by element, straight from each op's definition: the
 * reference the rules are checked against (central finite differences, the adjoint identity) and
 * that generated code must match. Values are flat arrays, matrices row by row.
 */
public final class TensorInterpreter {
  private final Map<Tensor, double[]> leaves;
  private final double learningRate;
  private final Map<Tensor, double[]> memo = new HashMap<>();

  /** An interpreter with the values of the leaves it will meet (inputs, targets, parameters). */
  public TensorInterpreter(Map<Tensor, double[]> leaves) {
    this(leaves, Double.NaN);
  }

  /** The same, with the learning rate η that {@link TensorOp#UPDATE} nodes apply. */
  public TensorInterpreter(Map<Tensor, double[]> leaves, double learningRate) {
    this.leaves = Map.copyOf(leaves);
    this.learningRate = learningRate;
  }

  /** The value of {@code node}, a fresh array. */
  public double[] value(Tensor node) {
    return compute(node).clone();
  }

  /** The value of a scalar node. */
  public double scalar(Tensor node) {
    if (node.shape().rank() != 0) {
      throw new IllegalArgumentException(node + " is not a scalar but " + node.shape());
    }
    return compute(node)[0];
  }

  private double[] compute(Tensor n) {
    double[] known = memo.get(n);
    if (known == null) {
      known = evaluate(n);
      memo.put(n, known);
    }
    return known;
  }

  private double[] evaluate(Tensor n) {
    int size = n.shape().size();
    double[] out = new double[size];
    switch (n.op()) {
      case INPUT, TARGET, WEIGHTS, BIAS -> {
        double[] v = leaves.get(n);
        if (v == null || v.length != size) {
          throw new IllegalArgumentException("no value of " + size + " elements for " + n.op() + " " + n);
        }
        return v.clone();
      }
      case CONSTANT -> out[0] = n.value();
      case MATVEC -> {
        double[] w = compute(n.arg(0));
        double[] x = compute(n.arg(1));
        int cols = x.length;
        for (int j = 0; j < size; j++) {
          for (int k = 0; k < cols; k++) {
            out[j] += w[j * cols + k] * x[k];
          }
        }
      }
      case MATVEC_T -> {
        double[] w = compute(n.arg(0));
        double[] d = compute(n.arg(1));
        for (int j = 0; j < d.length; j++) {
          for (int k = 0; k < size; k++) {
            out[k] += w[j * size + k] * d[j];
          }
        }
      }
      case OUTER -> {
        double[] a = compute(n.arg(0));
        double[] b = compute(n.arg(1));
        for (int j = 0; j < a.length; j++) {
          for (int k = 0; k < b.length; k++) {
            out[j * b.length + k] = a[j] * b[k];
          }
        }
      }
      case ADD, MUL -> {
        double[] a = compute(n.arg(0));
        double[] b = compute(n.arg(1));
        for (int i = 0; i < size; i++) {
          out[i] = n.op() == TensorOp.ADD ? a[i] + b[i] : a[i] * b[i];
        }
      }
      case BROADCAST -> java.util.Arrays.fill(out, compute(n.arg(0))[0]);
      case SUM -> {
        for (double v : compute(n.arg(0))) {
          out[0] += v;
        }
      }
      case MAP, ZIP -> {
        double[][] operands = new double[n.args().size()][];
        for (int a = 0; a < operands.length; a++) {
          operands[a] = compute(n.arg(a));
        }
        double[] args = new double[operands.length];
        for (int i = 0; i < size; i++) {
          for (int a = 0; a < operands.length; a++) {
            args[a] = operands[a][i];
          }
          out[i] = n.fn().apply(args);
        }
      }
      case SOFTMAX -> {
        double[] z = compute(n.arg(0));
        int units = n.shape().dim(0);
        int rows = size / units;
        for (int r = 0; r < rows; r++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < units; j++) {
            max = Math.max(max, z[j * rows + r]);
          }
          double total = 0;
          for (int j = 0; j < units; j++) {
            out[j * rows + r] = Math.exp(z[j * rows + r] - max);
            total += out[j * rows + r];
          }
          for (int j = 0; j < units; j++) {
            out[j * rows + r] /= total;
          }
        }
      }
      case SOFTMAX_CROSS_ENTROPY -> {
        double[] z = compute(n.arg(0));
        double[] t = compute(n.arg(1));
        int units = n.arg(0).shape().dim(0);
        int rows = z.length / units;
        for (int r = 0; r < rows; r++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < units; j++) {
            max = Math.max(max, z[j * rows + r]);
          }
          double total = 0;
          for (int j = 0; j < units; j++) {
            total += Math.exp(z[j * rows + r] - max);
          }
          double logSum = Math.log(total);
          for (int j = 0; j < units; j++) {
            out[r] += t[j * rows + r] * ((max - z[j * rows + r]) + logSum);
          }
        }
      }
      case SIGMOID_CROSS_ENTROPY -> {
        double[] z = compute(n.arg(0));
        double[] t = compute(n.arg(1));
        int rows = size;
        for (int i = 0; i < z.length; i++) {
          out[i % rows] += n.fn().apply(z[i], t[i]);
        }
      }
      case MATMUL -> {
        double[] w = compute(n.arg(0));
        double[] x = compute(n.arg(1));
        int inner = n.arg(0).shape().dim(1);
        int rows = n.shape().dim(1);
        for (int j = 0; j < n.shape().dim(0); j++) {
          for (int k = 0; k < inner; k++) {
            for (int r = 0; r < rows; r++) {
              out[j * rows + r] += w[j * inner + k] * x[k * rows + r];
            }
          }
        }
      }
      case MATMUL_T -> {
        double[] w = compute(n.arg(0));
        double[] d = compute(n.arg(1));
        int units = n.arg(0).shape().dim(0);
        int cols = n.shape().dim(0);
        int rows = n.shape().dim(1);
        for (int j = 0; j < units; j++) {
          for (int k = 0; k < cols; k++) {
            for (int r = 0; r < rows; r++) {
              out[k * rows + r] += w[j * cols + k] * d[j * rows + r];
            }
          }
        }
      }
      case MATMUL_NT -> {
        double[] a = compute(n.arg(0));
        double[] b = compute(n.arg(1));
        int rows = n.arg(0).shape().dim(1);
        int cols = n.shape().dim(1);
        for (int j = 0; j < n.shape().dim(0); j++) {
          for (int k = 0; k < cols; k++) {
            for (int r = 0; r < rows; r++) {
              out[j * cols + k] += a[j * rows + r] * b[k * rows + r];
            }
          }
        }
      }
      case ROW_BROADCAST -> {
        double[] v = compute(n.arg(0));
        int rows = n.shape().dim(1);
        for (int i = 0; i < size; i++) {
          out[i] = v[i / rows];
        }
      }
      case COLUMN_BROADCAST -> {
        double[] v = compute(n.arg(0));
        int rows = n.shape().dim(1);
        for (int i = 0; i < size; i++) {
          out[i] = v[i % rows];
        }
      }
      case COLUMN_SUM -> {
        double[] m = compute(n.arg(0));
        for (int i = 0; i < m.length; i++) {
          out[i % size] += m[i];
        }
      }
      case ROW_SUM -> {
        double[] m = compute(n.arg(0));
        int rows = m.length / size;
        for (int i = 0; i < m.length; i++) {
          out[i / rows] += m[i];
        }
      }
      case UPDATE -> {
        if (Double.isNaN(learningRate)) {
          throw new IllegalStateException("an update needs the interpreter's learning rate");
        }
        double[] theta = compute(n.arg(0));
        double[] gradient = compute(n.arg(1));
        for (int i = 0; i < size; i++) {
          out[i] = theta[i] - learningRate * gradient[i];
        }
      }
    }
    return out;
  }
}
