package io.gradgen;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code float} model's live parameters: {@link Parameters} in {@code float}, with the same flat
 * view (index {@code i} is parameter {@code i} of the {@link NetworkLayout}) over the same two
 * storages, {@linkplain #flat flat} (straight-line models) or {@linkplain #byColumn by column}
 * (loop
 * models: per layer one block per input, then the biases).
 *
 * <p>Blocks are live: writing an element changes the model. Reading and writing allocate nothing;
 * {@link #toArray}, {@code columns} (a new outer array over the live blocks) and {@code toString}
 * do.
 */
public final class FloatParameters {
  private final BlockMap map;
  private final float[][] blocks;

  private FloatParameters(BlockMap map, float[][] blocks) {
    this.map = map;
    this.blocks = blocks;
  }

  /** Zeroed blocks of the lengths {@code map} gives. */
  private static FloatParameters allocate(BlockMap map) {
    float[][] blocks = new float[map.blockCount()][];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new float[map.length(b)];
    }
    return new FloatParameters(map, blocks);
  }

  /**
   * Parameters stored in one flat array of {@code layout.parameterCount()} zeros.
   *
   * @param layout the network's layout
   * @return parameters stored in one flat array of {@code layout.parameterCount()} zeros
   */
  public static FloatParameters flat(NetworkLayout layout) {
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
  public static FloatParameters flat(NetworkLayout layout, float[] storage) {
    Objects.requireNonNull(storage, "storage");
    BlockMap map = BlockMap.flat(layout);
    map.checkLength("storage", storage.length);
    return new FloatParameters(map, new float[][] {storage});
  }

  /**
   * Parameters stored by column (see {@link Parameters}), all zero.
   *
   * @param layout the network's layout
   * @return parameters stored by column (see {@link Parameters}), all zero
   */
  public static FloatParameters byColumn(NetworkLayout layout) {
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
  public float[] block(int b) {
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
  public float[] column(int layer, int input) {
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
  public float[][] columns(int layer) {
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
  public float[] biases(int layer) {
    return blocks[map.biasBlock(layer)];
  }

  /**
   * Parameter {@code index} of the flat view.
   *
   * @param index a flat parameter index, from 0 to {@code size() − 1}
   * @return parameter {@code index} of the flat view
   */
  public float get(int index) {
    int b = map.blockOf(index);
    return blocks[b][map.elementOf(index, b)];
  }

  /**
   * Sets parameter {@code index} of the flat view.
   *
   * @param index a flat parameter index, from 0 to {@code size() − 1}
   * @param value the new value
   */
  public void set(int index, float value) {
    int b = map.blockOf(index);
    blocks[b][map.elementOf(index, b)] = value;
  }

  /**
   * Copies the flat view into {@code target}.
   *
   * @param target the array the parameters are copied into, {@code size()} long
   * @throws IllegalArgumentException unless {@code target.length == size()}
   */
  public void copyTo(float[] target) {
    Objects.requireNonNull(target, "target");
    map.checkLength("target", target.length);
    for (int b = 0; b < blocks.length; b++) {
      float[] block = blocks[b];
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
  public void copyFrom(float[] source) {
    Objects.requireNonNull(source, "source");
    map.checkLength("source", source.length);
    for (int b = 0; b < blocks.length; b++) {
      float[] block = blocks[b];
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
  public float[] toArray() {
    float[] copy = new float[size()];
    copyTo(copy);
    return copy;
  }

  @Override
  public String toString() {
    return (isFlat() ? "flat " : "by column ") + Arrays.toString(toArray());
  }
}
