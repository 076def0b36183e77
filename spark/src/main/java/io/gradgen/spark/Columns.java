package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.Loss;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns a network reads: checks their types against the model on the driver, and copies a
 * row's feature vector and target into flat arrays on the executors, naming the column and the
 * sizes when a row does not fit.
 */
final class Columns implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How the label column becomes the network's target row. */
  enum Target {
    /** A number 0 … outputs − 1 (a softmax network): one-hot. */
    CLASS_INDEX,
    /** A number, for a network with one output. */
    VALUE,
    /** A number in [0, 1], the class 0 or 1 or its probability (one output, binary cross-entropy). */
    BINARY,
    /** A vector of {@code outputs} numbers. */
    VECTOR
  }

  private final String features;
  private final String label;
  private final String validation;
  private final String modelClass;
  private final int inputs;
  private final int outputs;
  private final Target target;

  private Columns(
      String features, String label, String validation, String modelClass, int inputs, int outputs, Target target) {
    this.features = features;
    this.label = label;
    this.validation = validation;
    this.modelClass = modelClass;
    this.inputs = inputs;
    this.outputs = outputs;
    this.target = target;
  }

  /** The feature column alone, for inference; checked against {@code model}. */
  static Columns forInference(StructType schema, String features, DifferentiableModel model) {
    checkFeatures(schema, features, model);
    return new Columns(features, null, null, model.getClass().getName(), model.inputCount(), model.outputCount(), null);
  }

  /**
   * The feature, label and (when {@code validation} is not null) validation indicator columns,
   * checked against {@code model}.
   */
  static Columns forTraining(
      StructType schema, String features, String label, String validation, DifferentiableModel model) {
    checkFeatures(schema, features, model);
    DataType labelType = field(schema, label).dataType();
    String name = model.getClass().getName();
    Target target;
    if (labelType.equals(SQLDataTypes.VectorType())) {
      target = Target.VECTOR;
    } else if (!(labelType instanceof NumericType)) {
      throw new IllegalArgumentException(
          "column '" + label + "' must be numeric or a vector, but is " + labelType.simpleString());
    } else if (model.layout().loss() == Loss.CATEGORICAL_CROSS_ENTROPY) {
      target = Target.CLASS_INDEX;
    } else if (model.outputCount() == 1) {
      target = model.layout().loss() == Loss.BINARY_CROSS_ENTROPY ? Target.BINARY : Target.VALUE;
    } else {
      throw new IllegalArgumentException(
          "column '" + label + "' holds numbers, but " + name + " has " + model.outputCount()
              + " outputs and no softmax: give a vector label of size " + model.outputCount());
    }
    if (validation != null) {
      DataType type = field(schema, validation).dataType();
      if (!type.equals(DataTypes.BooleanType)) {
        throw new IllegalArgumentException(
            "column '" + validation + "' (validationIndicatorCol) must be boolean, but is " + type.simpleString());
      }
    }
    return new Columns(features, label, validation, name, model.inputCount(), model.outputCount(), target);
  }

  private static void checkFeatures(StructType schema, String features, DifferentiableModel model) {
    StructField field = field(schema, features);
    if (!field.dataType().equals(SQLDataTypes.VectorType())) {
      throw new IllegalArgumentException(
          "column '" + features + "' must be a vector (org.apache.spark.ml.linalg.Vector, e.g. from a "
              + "VectorAssembler), but is " + field.dataType().simpleString());
    }
    int size = AttributeGroup.fromStructField(field).size();
    if (size >= 0 && size != model.inputCount()) {
      throw new IllegalArgumentException(
          "column '" + features + "' holds vectors of size " + size + ", but "
              + model.getClass().getName() + " has " + model.inputCount() + " inputs");
    }
  }

  private static StructField field(StructType schema, String name) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(
          "column '" + name + "' does not exist; the columns are " + Arrays.toString(schema.fieldNames()));
    }
    return schema.apply(name);
  }

  String featuresName() {
    return features;
  }

  String labelName() {
    return label;
  }

  /** The validation indicator column; null when there is none (and for the inference columns). */
  String validationName() {
    return validation;
  }

  /** How the label becomes the target row; null for the inference columns. */
  Target target() {
    return target;
  }

  int inputs() {
    return inputs;
  }

  int outputs() {
    return outputs;
  }

  /** Copies the feature vector in field {@code index} of {@code row} into {@code into[at …]}. */
  void features(Row row, int index, double[] into, int at) {
    Object value = row.get(index);
    if (value == null) {
      throw new IllegalArgumentException("column '" + features + "' is null in a row");
    }
    Vector vector = (Vector) value;
    if (vector.size() != inputs) {
      throw new IllegalArgumentException(
          "column '" + features + "' holds a vector of size " + vector.size() + ", but " + modelClass
              + " has " + inputs + " inputs");
    }
    if (vector instanceof DenseVector dense) {
      System.arraycopy(dense.values(), 0, into, at, inputs);
    } else {
      for (int j = 0; j < inputs; j++) {
        into[at + j] = vector.apply(j);
      }
    }
  }

  /** Writes the target row for field {@code index} of {@code row} into {@code into[at …]}. */
  void target(Row row, int index, double[] into, int at) {
    Object value = row.get(index);
    if (value == null) {
      throw new IllegalArgumentException("column '" + label + "' is null in a row");
    }
    switch (target) {
      case VECTOR -> {
        Vector vector = (Vector) value;
        if (vector.size() != outputs) {
          throw new IllegalArgumentException(
              "column '" + label + "' holds a vector of size " + vector.size() + ", but " + modelClass
                  + " has " + outputs + " outputs");
        }
        for (int j = 0; j < outputs; j++) {
          into[at + j] = vector.apply(j);
        }
      }
      case VALUE -> into[at] = ((Number) value).doubleValue();
      case BINARY -> {
        double t = ((Number) value).doubleValue();
        if (!(t >= 0 && t <= 1)) {
          throw new IllegalArgumentException(
              "column '" + label + "' holds " + value + ", but " + modelClass + " is a binary classifier "
                  + "(binary cross-entropy): a label must be 0, 1 or a probability in between");
        }
        into[at] = t;
      }
      case CLASS_INDEX -> {
        double c = ((Number) value).doubleValue();
        if (!(c >= 0 && c < outputs && c == Math.rint(c))) {
          throw new IllegalArgumentException(
              "column '" + label + "' holds " + value + ", but " + modelClass + " has " + outputs
                  + " classes: a label must be a class index 0 … " + (outputs - 1));
        }
        Arrays.fill(into, at, at + outputs, 0.0);
        into[at + (int) c] = 1.0;
      }
      default -> throw new AssertionError(target);
    }
  }
}
