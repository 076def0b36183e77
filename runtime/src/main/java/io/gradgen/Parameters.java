package io.gradgen;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's live parameters: how they are stored, and the flat view optimizers, initializers and
 * weight files use.
 *
 * <p><b>Flat view.</b> Index {@code i} of the flat view is parameter {@code i} of the model's
 * {@link NetworkLayout}: per layer, the weights row by row ({@code w[unit][input]}), then the
 * biases. {@link #get}, {@link #set}, {@link #copyTo} and {@link #copyFrom} read and write the
 * model
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
 * <p>Blocks are live: writing an element changes the model. Reading and writing allocate nothing;
 * {@link #toArray}, {@code columns} (a new outer array over the live blocks) and {@code toString}
 * do.
 */
public final class Parameters {
  private final BlockMap map;
  private final double[][] blocks;

  private Parameters(BlockMap map, double[][] blocks) {
    this.map = map;
    this.blocks = blocks;
  }

  /** Zeroed blocks of the lengths {@code map} gives. */
  private static Parameters allocate(BlockMap map) {
    double[][] blocks = new double[map.blockCount()][];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new double[map.length(b)];
    }
    return new Parameters(map, blocks);
  }

  /**
   * Parameters stored in one flat array of {@code layout.parameterCount()} zeros.
   *
   * @param layout the network's layout
   * @return parameters stored in one flat array of {@code layout.parameterCount()} zeros
   */
  public static Parameters flat(NetworkLayout layout) {
    return allocate(BlockMap.flat(layout));
  }

  /**
   * Parameters stored flat in {@code storage}, which stays live: for hand-written models that keep
   * their own array.
   *
   * @param layout the network's layout
   * @param storage the array that holds the parameters, {@code layout.parameterCount()} long
   * @return parameters stored flat in {@code storage}, which stays live: for hand-written models
   *     that keep their own array
   * @throws IllegalArgumentException unless {@code storage.length == layout.parameterCount()}
   */
  public static Parameters flat(NetworkLayout layout, double[] storage) {
    Objects.requireNonNull(storage, "storage");
    BlockMap map = BlockMap.flat(layout);
    map.checkLength("storage", storage.length);
    return new Parameters(map, new double[][] {storage});
  }

  /**
   * Parameters stored by column (see the class comment), all zero.
   *
   * @param layout the network's layout
   * @return parameters stored by column (see the class comment), all zero
   */
  public static Parameters byColumn(NetworkLayout layout) {
    return allocate(BlockMap.byColumn(layout));
  }

  /**
   * The layout that gives each flat index its meaning.
   *
   * @return the layout that gives each flat index its meaning
   */
  public NetworkLayout layout() {
    return map.layout();
  }

  /**
   * Number of parameters: the length of the flat view.
   *
   * @return number of parameters: the length of the flat view
   */
  public int size() {
    return map.layout().parameterCount();
  }

  /**
   * True when the storage is one block in flat order ({@link #flat}), false when by column.
   *
   * @return true when the storage is one block in flat order ({@link #flat}), false when by column
   */
  public boolean isFlat() {
    return map.isFlat();
  }

  /**
   * Number of storage blocks.
   *
   * @return number of storage blocks
   */
  public int blockCount() {
    return blocks.length;
  }

  /**
   * Storage block {@code b}, live.
   *
   * @param b a block index, from 0 to {@code blockCount() − 1}
   * @return storage block {@code b}, live
   */
  public double[] block(int b) {
    return blocks[Objects.checkIndex(b, blocks.length)];
  }

  /**
   * The block of layer {@code layer}'s weights from input {@code input}, of length {@code units};
   * element {@code j} is {@code w[j][input]}.
   *
   * @param layer a layer's index, 0 for the first layer
   * @param input one of the layer's inputs
   * @return the block of layer {@code layer}'s weights from input {@code input}, of length {@code
   *     units}; element {@code j} is {@code w[j][input]}
   * @throws IllegalStateException if the storage is flat
   */
  public double[] column(int layer, int input) {
    return blocks[map.columnBlock(layer, input)];
  }

  /**
   * Layer {@code layer}'s weight columns: a new outer array whose element {@code input} is the live
   * block {@link #column column(layer, input)}, so {@code columns(layer)[input][unit]} is {@code
   * w[unit][input]}.
   *
   * @param layer a layer's index, 0 for the first layer
   * @return layer {@code layer}'s weight columns: a new outer array whose element {@code input} is
   *     the live block {@link #column column(layer, input)}, so {@code columns(layer)[input][unit]}
   *     is {@code w[unit][input]}
   * @throws IllegalStateException if the storage is flat
   */
  public double[][] columns(int layer) {
    int first = map.firstColumnBlock(layer);
    return Arrays.copyOfRange(blocks, first, first + map.columnLayer(layer).inputs());
  }

  /**
   * The block of layer {@code layer}'s biases: {@code units} elements, one if shared.
   *
   * @param layer a layer's index, 0 for the first layer
   * @return the block of layer {@code layer}'s biases: {@code units} elements, one if shared
   * @throws IllegalStateException if the storage is flat or the layer has no bias
   */
  public double[] biases(int layer) {
    return blocks[map.biasBlock(layer)];
  }

  /**
   * Parameter {@code index} of the flat view.
   *
   * @param index a flat parameter index, from 0 to {@code size() − 1}
   * @return parameter {@code index} of the flat view
   */
  public double get(int index) {
    int b = map.blockOf(index);
    return blocks[b][map.elementOf(index, b)];
  }

  /**
   * Sets parameter {@code index} of the flat view.
   *
   * @param index a flat parameter index, from 0 to {@code size() − 1}
   * @param value the new value
   */
  public void set(int index, double value) {
    int b = map.blockOf(index);
    blocks[b][map.elementOf(index, b)] = value;
  }

  /**
   * Copies the flat view into {@code target}.
   *
   * @param target the array the parameters are copied into, {@code size()} long
   * @throws IllegalArgumentException unless {@code target.length == size()}
   */
  public void copyTo(double[] target) {
    Objects.requireNonNull(target, "target");
    map.checkLength("target", target.length);
    for (int b = 0; b < blocks.length; b++) {
      double[] block = blocks[b];
      int at = map.start(b);
      int stride = map.stride(b);
      if (stride == 1) {
        System.arraycopy(block, 0, target, at, block.length);
        continue;
      }
      for (int e = 0; e < block.length; e++, at += stride) {
        target[at] = block[e];
      }
    }
  }

  /**
   * Sets every parameter from the flat array {@code source}.
   *
   * @param source the values to copy, one per parameter
   * @throws IllegalArgumentException unless {@code source.length == size()}
   */
  public void copyFrom(double[] source) {
    Objects.requireNonNull(source, "source");
    map.checkLength("source", source.length);
    for (int b = 0; b < blocks.length; b++) {
      double[] block = blocks[b];
      int at = map.start(b);
      int stride = map.stride(b);
      if (stride == 1) {
        System.arraycopy(source, at, block, 0, block.length);
        continue;
      }
      for (int e = 0; e < block.length; e++, at += stride) {
        block[e] = source[at];
      }
    }
  }

  /**
   * A new array holding the flat view.
   *
   * @return a new array holding the flat view
   */
  public double[] toArray() {
    double[] copy = new double[size()];
    copyTo(copy);
    return copy;
  }

  @Override
  public String toString() {
    return (isFlat() ? "flat " : "by column ") + Arrays.toString(toArray());
  }
}
