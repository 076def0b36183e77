package io.gradgen.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The wire format against the examples of protobuf's encoding guide, and broken input. */
class ProtoWireTest {
  @Test
  void readsTheEncodingGuidesExamples() {
    // "08 96 01": field 1, varint 150
    ProtoReader r = new ProtoReader(new byte[] {0x08, (byte) 0x96, 0x01});
    assertTrue(r.next());
    assertEquals(1, r.field());
    assertEquals(150, r.readVarint());
    // "12 07 74 65 73 74 69 6e 67": field 2, the string "testing"
    r = new ProtoReader(new byte[] {0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67});
    assertTrue(r.next());
    assertEquals(2, r.field());
    assertEquals("testing", r.readString());
  }

  @Test
  void writesTheEncodingGuidesExamples() {
    assertArrayEquals(new byte[] {0x08, (byte) 0x96, 0x01}, new ProtoWriter().varint(1, 150).toByteArray());
    assertArrayEquals(new byte[] {0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67},
        new ProtoWriter().string(2, "testing").toByteArray());
    // packed repeated int64 [3, 270, 86942] in field 4: "22 06 03 8E 02 9E A7 05"
    assertArrayEquals(new byte[] {0x22, 0x06, 0x03, (byte) 0x8e, 0x02, (byte) 0x9e, (byte) 0xa7, 0x05},
        new ProtoWriter().packedVarints(4, new long[] {3, 270, 86942}).toByteArray());
  }

  @Test
  void everyTruncationOfAFixtureIsAnErrorNotAModel() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.onnx("relu-mlp", 17));
    int refused = 0;
    for (int n = 1; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      try {
        DenseImporter.read(OnnxReader.read(cut));
      } catch (OnnxFormatException | UnsupportedOnnxException e) {
        refused++;
      }
    }
    assertEquals(bytes.length - 1, refused, "every truncated file is refused");
  }

  @Test
  void aLengthPastTheEndNamesTheField() {
    OnnxFormatException e = assertThrows(OnnxFormatException.class,
        () -> OnnxReader.read(new byte[] {0x3a, 0x7f, 0x0a}));
    assertTrue(e.getMessage().contains("field 7 claims 127 bytes, but 1 are left"), e.getMessage());
  }

  @Test
  void writerAndReaderAgreeOnAFixture() throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.onnx("softmax-classifier", 11));
    OnnxModel model = OnnxReader.read(bytes);
    OnnxModel again = OnnxReader.read(OnnxWriter.write(model));
    assertEquals(model.opset(), again.opset());
    assertEquals(model.graph().nodes().size(), again.graph().nodes().size());
    ImportedNetwork a = DenseImporter.read(model);
    ImportedNetwork b = DenseImporter.read(again);
    assertArrayEquals(a.parameters(), b.parameters());
  }
}
