package io.gradgen.spark;

import io.gradgen.DifferentiableModel;
import io.gradgen.io.WeightFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves and loads a {@link SparkNetworkModel} the Spark ML way: {@code path/metadata} holds the
 * params (Spark's own JSON, so {@code Pipeline} and {@code PipelineModel} read and write it), {@code
 * path/weights.ggw} the weights as a gradgen weight file (checksummed, and refused on load if it was
 * saved for another architecture). Paths are Hadoop paths: local, HDFS, S3 …
 */
final class ModelPersistence {
  /** The weight file's name inside the model's directory. */
  static final String WEIGHTS = "weights.ggw";

  private ModelPersistence() {}

  /** Writes the metadata, then the weight file through a local temporary copy. */
  static final class Writer extends MLWriter {
    private final SparkNetworkModel instance;

    Writer(SparkNetworkModel instance) {
      this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession());
      Path dir = null;
      try {
        dir = Files.createTempDirectory("gradgen-spark");
        Path local = dir.resolve(WEIGHTS);
        WeightFile.save(local, instance.model());
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path, WEIGHTS);
        FileSystem fs = target.getFileSystem(sc().hadoopConfiguration());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the weights to " + path, e);
      } finally {
        deleteQuietly(dir);
      }
    }
  }

  /** Reads the metadata, makes the model class it names and loads the weight file into it. */
  static final class Reader extends MLReader<SparkNetworkModel> {
    @Override
    public SparkNetworkModel load(String path) {
      DefaultParamsReader.Metadata metadata =
          DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(), SparkNetworkModel.class.getName());
      SparkNetworkModel params = SparkNetworkModel.restored(metadata.uid(), "", new double[0]);
      metadata.getAndSetParams(params, Option.empty());
      String className = params.getOrDefault(params.modelClass());
      DifferentiableModel model = Models.create(className);
      Path dir = null;
      try {
        dir = Files.createTempDirectory("gradgen-spark");
        Path local = dir.resolve(WEIGHTS);
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(path, WEIGHTS);
        FileSystem fs = source.getFileSystem(sc().hadoopConfiguration());
        fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
        WeightFile.load(local, model);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the weights of " + path, e);
      } finally {
        deleteQuietly(dir);
      }
      SparkNetworkModel loaded = SparkNetworkModel.restored(metadata.uid(), className, model.parameters().toArray());
      metadata.getAndSetParams(loaded, Option.empty());
      return loaded;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
