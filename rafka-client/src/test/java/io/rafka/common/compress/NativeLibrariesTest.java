package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeLibrariesTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64")
  void bothNativeLibrariesLoadOnLinuxX8664() {
    Codec.of(CompressionType.ZSTD).compress(ByteString.copyFromUtf8("load"));
    assertTrue(com.github.luben.zstd.util.Native.isLoaded(), "zstd-jni native library");
    assertTrue(Lz4Codec.FACTORY.toString().contains("JNI"), "lz4 uses " + Lz4Codec.FACTORY);
  }

  /** Without its JNI library lz4-java falls back to pure Java; the frames must stay interchangeable. */
  @Test
  void theJavaFallbackOfLz4ReadsAndWritesTheSameFrames() throws Exception {
    ByteString input = TestData.json(300_000, 21);
    ByteString ours = Codec.of(CompressionType.LZ4).compress(input);
    try (InputStream in = new LZ4FrameInputStream(ours.newInput(), LZ4Factory.safeInstance().safeDecompressor(),
        XXHashFactory.safeInstance().hash32())) {
      assertEquals(input, ByteString.readFrom(in));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(bytes, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
        input.size(), LZ4Factory.safeInstance().fastCompressor(), XXHashFactory.safeInstance().hash32(),
        LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE,
        LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
      input.writeTo(out);
    }
    assertEquals(ours, ByteString.copyFrom(bytes.toByteArray()), "same bytes from JNI and pure Java");
    assertEquals(input, Codec.of(CompressionType.LZ4).decompress(ByteString.copyFrom(bytes.toByteArray()),
        input.size()));
  }
}
