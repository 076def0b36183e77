package io.gradgen;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's live parameters: how they are stored, and the flat view optimizers, initializers and
 * weight files use.
 *
 * <p><b>Flat view.</b> Index {@code i} of the flat view is parameter {@code i} of the model's
 * {@link NetworkLayout}: per layer, the weights row by row ({@code w[unit][input]}), then the
 * biases. {@link #get}, {@link #set}, {@link #copyTo} and {@link #copyFrom} read and write the model
 * itself, whatever the storage.
 *
 * <p><b>Storage.</b> A model stores its parameters in {@linkplain #block blocks}:
 *
 * <ul>
 *   <li>{@linkplain #flat flat}: one block that <em>is</em> the flat view (straight-line models);
 *   <li>{@linkplain #byColumn by column}: per layer, one block per input holding the weights from
 *       that input to every unit ({@code w[0][input] … w[units−1][input]}), then one block of the
 *       layer's biases (one element if shared, none if the layer has no bias). Loop models store
 *       their parameters this way so that the loop over a layer's units reads every array at the
 *       same index, which HotSpot's C2 compiles to vector instructions.
 * </ul>
 *
 * <p>Blocks are live: writing an element changes the model. Nothing here allocates except {@link
 * #toArray}.
 */
public final class Parameters {
  private final NetworkLayout layout;
  private final boolean byColumn;
  private final double[][] blocks;
  /** For column storage: the index of each layer's first block. */
  private final int[] firstBlock;

  private Parameters(NetworkLayout layout, boolean byColumn, double[][] blocks, int[] firstBlock) {
    this.layout = layout;
    this.byColumn = byColumn;
    this.blocks = blocks;
    this.firstBlock = firstBlock;
  }

  /** Parameters stored in one flat array of {@code layout.parameterCount()} zeros. */
  public static Parameters flat(NetworkLayout layout) {
    return new Parameters(layout, false, new double[][] {new double[layout.parameterCount()]}, new int[0]);
  }

  /**
   * Parameters stored flat in {@code storage}, which stays live: for hand-written models that keep
   * their own array.
   *
   * @throws IllegalArgumentException unless {@code storage.length == layout.parameterCount()}
   */
  public static Parameters flat(NetworkLayout layout, double[] storage) {
    Objects.requireNonNull(storage, "storage");
    if (storage.length != layout.parameterCount()) {
      throw new IllegalArgumentException(
          "storage has length " + storage.length + ", expected " + layout.parameterCount());
    }
    return new Parameters(layout, false, new double[][] {storage}, new int[0]);
  }

  /** Parameters stored by column (see the class comment), all zero. */
  public static Parameters byColumn(NetworkLayout layout) {
    int count = 0;
    for (DenseLayout layer : layout.layers()) {
      count += layer.inputs() + (layer.bias() == Bias.NONE ? 0 : 1);
    }
    double[][] blocks = new double[count][];
    int[] firstBlock = new int[layout.layers().size()];
    int b = 0;
    for (int i = 0; i < firstBlock.length; i++) {
      DenseLayout layer = layout.layers().get(i);
      firstBlock[i] = b;
      for (int k = 0; k < layer.inputs(); k++) {
        blocks[b++] = new double[layer.units()];
      }
      if (layer.bias() != Bias.NONE) {
        blocks[b++] = new double[layer.biasCount()];
      }
    }
    return new Parameters(layout, true, blocks, firstBlock);
  }

  /** The layout that gives each flat index its meaning. */
  public NetworkLayout layout() {
    return layout;
  }

  /** Number of parameters: the length of the flat view. */
  public int size() {
    return layout.parameterCount();
  }

  /** True when the storage is one block in flat order ({@link #flat}), false when by column. */
  public boolean isFlat() {
    return !byColumn;
  }

  /** Number of storage blocks. */
  public int blockCount() {
    return blocks.length;
  }

  /** Storage block {@code b}, live. */
  public double[] block(int b) {
    return blocks[Objects.checkIndex(b, blocks.length)];
  }

  /**
   * The block of layer {@code layer}'s weights from input {@code input}, of length {@code units};
   * element {@code j} is {@code w[j][input]}.
   *
   * @throws IllegalStateException if the storage is flat
   */
  public double[] column(int layer, int input) {
    DenseLayout l = columnLayer(layer);
    return blocks[firstBlock[layer] + Objects.checkIndex(input, l.inputs())];
  }

  /**
   * Layer {@code layer}'s weight columns: a new outer array whose element {@code input} is the live
   * block {@link #column column(layer, input)}, so {@code columns(layer)[input][unit]} is {@code
   * w[unit][input]}.
   *
   * @throws IllegalStateException if the storage is flat
   */
  public double[][] columns(int layer) {
    DenseLayout l = columnLayer(layer);
    return Arrays.copyOfRange(blocks, firstBlock[layer], firstBlock[layer] + l.inputs());
  }

  /**
   * The block of layer {@code layer}'s biases: {@code units} elements, one if shared.
   *
   * @throws IllegalStateException if the storage is flat or the layer has no bias
   */
  public double[] biases(int layer) {
    DenseLayout l = columnLayer(layer);
    if (l.bias() == Bias.NONE) {
      throw new IllegalStateException("layer '" + l.name() + "' has no bias");
    }
    return blocks[firstBlock[layer] + l.inputs()];
  }

  private DenseLayout columnLayer(int layer) {
    if (!byColumn) {
      throw new IllegalStateException("the parameters are stored flat, not by column");
    }
    return layout.layers().get(Objects.checkIndex(layer, firstBlock.length));
  }

  /** Parameter {@code index} of the flat view. */
  public double get(int index) {
    if (!byColumn) {
      return blocks[0][Objects.checkIndex(index, size())];
    }
    DenseLayout l = layout.layerOf(index);
    int layer = layout.layers().indexOf(l);
    if (index < l.firstBias()) {
      int r = index - l.firstWeight();
      return blocks[firstBlock[layer] + r % l.inputs()][r / l.inputs()];
    }
    return blocks[firstBlock[layer] + l.inputs()][index - l.firstBias()];
  }

  /** Sets parameter {@code index} of the flat view. */
  public void set(int index, double value) {
    if (!byColumn) {
      blocks[0][Objects.checkIndex(index, size())] = value;
      return;
    }
    DenseLayout l = layout.layerOf(index);
    int layer = layout.layers().indexOf(l);
    if (index < l.firstBias()) {
      int r = index - l.firstWeight();
      blocks[firstBlock[layer] + r % l.inputs()][r / l.inputs()] = value;
    } else {
      blocks[firstBlock[layer] + l.inputs()][index - l.firstBias()] = value;
    }
  }

  /**
   * Copies the flat view into {@code target}.
   *
   * @throws IllegalArgumentException unless {@code target.length == size()}
   */
  public void copyTo(double[] target) {
    checkLength("target", target);
    if (!byColumn) {
      System.arraycopy(blocks[0], 0, target, 0, target.length);
      return;
    }
    for (int i = 0; i < firstBlock.length; i++) {
      DenseLayout l = layout.layers().get(i);
      for (int k = 0; k < l.inputs(); k++) {
        double[] column = blocks[firstBlock[i] + k];
        for (int j = 0; j < column.length; j++) {
          target[l.firstWeight() + j * l.inputs() + k] = column[j];
        }
      }
      if (l.bias() != Bias.NONE) {
        double[] b = blocks[firstBlock[i] + l.inputs()];
        System.arraycopy(b, 0, target, l.firstBias(), b.length);
      }
    }
  }

  /**
   * Sets every parameter from the flat array {@code source}.
   *
   * @throws IllegalArgumentException unless {@code source.length == size()}
   */
  public void copyFrom(double[] source) {
    checkLength("source", source);
    if (!byColumn) {
      System.arraycopy(source, 0, blocks[0], 0, source.length);
      return;
    }
    for (int i = 0; i < firstBlock.length; i++) {
      DenseLayout l = layout.layers().get(i);
      for (int k = 0; k < l.inputs(); k++) {
        double[] column = blocks[firstBlock[i] + k];
        for (int j = 0; j < column.length; j++) {
          column[j] = source[l.firstWeight() + j * l.inputs() + k];
        }
      }
      if (l.bias() != Bias.NONE) {
        double[] b = blocks[firstBlock[i] + l.inputs()];
        System.arraycopy(source, l.firstBias(), b, 0, b.length);
      }
    }
  }

  /** A new array holding the flat view. */
  public double[] toArray() {
    double[] copy = new double[size()];
    copyTo(copy);
    return copy;
  }

  private void checkLength(String name, double[] array) {
    Objects.requireNonNull(array, name);
    if (array.length != size()) {
      throw new IllegalArgumentException(
          name + " has length " + array.length + ", expected " + size());
    }
  }

  @Override
  public String toString() {
    return (byColumn ? "by column " : "flat ") + Arrays.toString(toArray());
  }
}
