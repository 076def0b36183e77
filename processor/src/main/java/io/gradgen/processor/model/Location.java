package io.gradgen.processor.model;

/**
 * Where in a declaration a problem is: the annotated type, an attribute of {@code @Network}, an
 * attribute of one {@code @Dense} layer, or a member of the type.
 *
 * @param layer the layer's index, or −1 when the problem is not in a layer
 * @param attribute the annotation attribute ({@code units}), or "" for the whole annotation
 * @param member the name of a method of the declaration, or ""
 */
public record Location(int layer, String attribute, String member) {

  /** The annotated type itself. */
  public static Location declaration() {
    return new Location(-1, "", "");
  }

  /** An attribute of {@code @Network}, or the whole annotation for "". */
  public static Location network(String attribute) {
    return new Location(-1, attribute, "");
  }

  /** An attribute of layer {@code index}, or the whole {@code @Dense} for "". */
  public static Location layer(int index, String attribute) {
    return new Location(index, attribute, "");
  }

  /** A method of the declaration. */
  public static Location member(String name) {
    return new Location(-1, "", name);
  }

  public boolean isLayer() {
    return layer >= 0;
  }
}
