package io.gradgen;

import java.util.Objects;

/**
 * Where each index of a layout's flat view lives in block storage, for {@link Parameters} and
 * {@link FloatParameters} alike: which blocks there are, how long each is, and which flat indices
 * each holds.
 *
 * <p>Every block holds an arithmetic run of flat indices: element {@code e} of block {@code b} is
 * flat index {@code start(b) + e·stride(b)}. The one flat block is the run 0, 1, 2, …; column
 * {@code k} of a layer is {@code w[0][k], w[1][k], …}, a run with the layer's fan-in as its stride;
 * a bias block is a run of stride 1.
 */
final class BlockMap {
  private final NetworkLayout layout;
  private final boolean byColumn;
  private final int[] start;
  private final int[] stride;
  private final int[] length;
  /** For column storage: the index of each layer's first block. */
  private final int[] firstBlock;

  private BlockMap(NetworkLayout layout, boolean byColumn, int[] start, int[] stride, int[] length, int[] firstBlock) {
    this.layout = layout;
    this.byColumn = byColumn;
    this.start = start;
    this.stride = stride;
    this.length = length;
    this.firstBlock = firstBlock;
  }

  /** One block that is the flat view. */
  static BlockMap flat(NetworkLayout layout) {
    Objects.requireNonNull(layout, "layout");
    return new BlockMap(layout, false, new int[] {0}, new int[] {1}, new int[] {layout.parameterCount()}, new int[0]);
  }

  /** Per layer, one block per input (the weights from that input to every unit), then its biases if any. */
  static BlockMap byColumn(NetworkLayout layout) {
    Objects.requireNonNull(layout, "layout");
    int count = 0;
    for (DenseLayout layer : layout.layers()) {
      count += layer.inputs() + (layer.bias() == Bias.NONE ? 0 : 1);
    }
    int[] start = new int[count];
    int[] stride = new int[count];
    int[] length = new int[count];
    int[] firstBlock = new int[layout.layers().size()];
    int b = 0;
    for (int i = 0; i < firstBlock.length; i++) {
      DenseLayout layer = layout.layers().get(i);
      firstBlock[i] = b;
      for (int k = 0; k < layer.inputs(); k++, b++) {
        start[b] = layer.firstWeight() + k;
        stride[b] = layer.inputs();
        length[b] = layer.units();
      }
      if (layer.bias() != Bias.NONE) {
        start[b] = layer.firstBias();
        stride[b] = 1;
        length[b] = layer.biasCount();
        b++;
      }
    }
    return new BlockMap(layout, true, start, stride, length, firstBlock);
  }

  NetworkLayout layout() {
    return layout;
  }

  boolean isFlat() {
    return !byColumn;
  }

  int blockCount() {
    return length.length;
  }

  /** The number of elements of block {@code b}: what to allocate for it. */
  int length(int b) {
    return length[b];
  }

  /** The flat index of element 0 of block {@code b}. */
  int start(int b) {
    return start[b];
  }

  /** How far apart in the flat view two neighbouring elements of block {@code b} are. */
  int stride(int b) {
    return stride[b];
  }

  /** The block that holds flat index {@code index}. */
  int blockOf(int index) {
    if (index < 0 || index >= layout.parameterCount()) {
      throw new IndexOutOfBoundsException(
          "parameter index " + index + " is outside 0.." + (layout.parameterCount() - 1));
    }
    if (!byColumn) {
      return 0;
    }
    int layer = layerIndexOf(index);
    DenseLayout l = layout.layers().get(layer);
    return index < l.firstBias()
        ? firstBlock[layer] + (index - l.firstWeight()) % l.inputs()
        : firstBlock[layer] + l.inputs();
  }

  /** The element of block {@code b} that holds flat index {@code index}, given {@code b = blockOf(index)}. */
  int elementOf(int index, int b) {
    return (index - start[b]) / stride[b];
  }

  /** The block of layer {@code layer}'s weights from input {@code input}. */
  int columnBlock(int layer, int input) {
    DenseLayout l = columnLayer(layer);
    return firstBlock[layer] + Objects.checkIndex(input, l.inputs());
  }

  /** The first of layer {@code layer}'s {@code inputs} column blocks. */
  int firstColumnBlock(int layer) {
    columnLayer(layer);
    return firstBlock[layer];
  }

  /** The block of layer {@code layer}'s biases. */
  int biasBlock(int layer) {
    DenseLayout l = columnLayer(layer);
    if (l.bias() == Bias.NONE) {
      throw new IllegalStateException("layer '" + l.name() + "' has no bias");
    }
    return firstBlock[layer] + l.inputs();
  }

  /** Layer {@code layer}, if the storage is by column. */
  DenseLayout columnLayer(int layer) {
    if (!byColumn) {
      throw new IllegalStateException("the parameters are stored flat, not by column");
    }
    return layout.layers().get(Objects.checkIndex(layer, firstBlock.length));
  }

  private int layerIndexOf(int index) {
    for (int i = 0; i < firstBlock.length; i++) {
      if (index < layout.layers().get(i).end()) {
        return i;
      }
    }
    throw new AssertionError("unreachable: index checked");
  }

  /**
   * Checks that {@code length}, the length of the array named {@code name}, is the size of the flat
   * view.
   */
  void checkLength(String name, int length) {
    if (length != layout.parameterCount()) {
      throw new IllegalArgumentException(
          name + " has length " + length + ", expected " + layout.parameterCount());
    }
  }
}
