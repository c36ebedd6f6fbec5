package io.rafka.common.compress;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Stateless and thread-safe: the LZ4 frame format through lz4-java's {@code LZ4FrameOutputStream} and {@code
 * LZ4FrameInputStream}, with the fastest implementation lz4-java can load: its JNI binding where the native
 * library bundled in the jar loads (it is unpacked to {@code java.io.tmpdir}; it does on Linux x86_64), else,
 * silently, its pure-Java one ({@code LZ4Factory:JavaSafe}, which this lz4-java uses in place of the Unsafe one).
 * Both write the same bytes; the Java one is slower. {@link #FACTORY}'s {@code toString()} says which it is.
 *
 * <p>Only the safe decompressor is used, which checks every block against its bounds. {@code
 * LZ4FrameInputStream} allocates two buffers of the frame's declared block size (64 KiB to 4 MiB) per frame, so
 * decompression accepts exactly one frame (so a batch of many tiny frames cannot make it allocate buffers for
 * each; it is corrupt once the first ends), whose declared block size is at most the limit or 64 KiB (so a
 * frame declaring 4 MiB blocks under a 1 MiB limit is refused as too large before anything is allocated).
 */
final class Lz4Codec implements Codec {
  static final Lz4Codec INSTANCE = new Lz4Codec();

  static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
  private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
  private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
  private static final XXHash32 HASH = XXHashFactory.fastestInstance().hash32();

  /** The block size {@link #compress} writes, and the one always accepted. */
  static final int BLOCK_SIZE = 64 * 1024;
  /** The LZ4 frame magic number, little-endian on the wire. */
  private static final int MAGIC = 0x184D2204;
  /** Magic (4), FLG, BD, header checksum. */
  private static final int MIN_HEADER_SIZE = 7;
  private static final int FLG_OFFSET = 4;
  private static final int BD_OFFSET = 5;
  private static final int FLG_CONTENT_SIZE = 1 << 3;
  private static final int FLG_DICT_ID = 1;

  private Lz4Codec() {}

  @Override
  public CompressionType type() {
    return CompressionType.LZ4;
  }

  @Override
  public ByteString compress(ByteString input) {
    Objects.requireNonNull(input, "input");
    ByteSink sink = new ByteSink(input.size() / 2 + 64);
    try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(sink, BLOCKSIZE.SIZE_64KB, input.size(), COMPRESSOR,
        HASH, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_SIZE, FLG.Bits.CONTENT_CHECKSUM)) {
      input.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("lz4 compression into memory failed", e);
    }
    return sink.toByteString();
  }

  @Override
  public ByteString decompress(ByteString input, int maxDecompressedBytes)
      throws CorruptCompressedDataException, DecompressedTooLargeException {
    Objects.requireNonNull(input, "input");
    BoundedDrain.checkLimit(maxDecompressedBytes);
    checkFrameStart(input, maxDecompressedBytes);
    InputStream raw = input.newInput();
    try (LZ4FrameInputStream in = new LZ4FrameInputStream(raw, DECOMPRESSOR, HASH, true)) {
      ByteString out = BoundedDrain.drain(in, maxDecompressedBytes,
          BoundedDrain.initialCapacity(input.size(), maxDecompressedBytes), CompressionType.LZ4);
      if (raw.read() >= 0) {
        throw new CorruptCompressedDataException(CompressionType.LZ4, "bytes follow the end of the frame", null);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new CorruptCompressedDataException(CompressionType.LZ4, e);
    }
  }

  /**
   * Refuses input that does not start with an intact LZ4 frame header (checking the header checksum here, so
   * that a damaged header is reported as corrupt rather than as too large), or whose header declares blocks
   * larger than both the limit and {@link #BLOCK_SIZE}. Every other check of the header is left to lz4-java.
   */
  private static void checkFrameStart(ByteString input, int limit)
      throws CorruptCompressedDataException, DecompressedTooLargeException {
    if (input.size() < MIN_HEADER_SIZE) {
      throw new CorruptCompressedDataException(CompressionType.LZ4, input.size()
          + " bytes are too few for an LZ4 frame header", null);
    }
    int magic = (input.byteAt(0) & 0xFF) | (input.byteAt(1) & 0xFF) << 8 | (input.byteAt(2) & 0xFF) << 16
        | (input.byteAt(3) & 0xFF) << 24;
    if (magic != MAGIC) {
      throw new CorruptCompressedDataException(CompressionType.LZ4, String.format(
          "does not start with the LZ4 frame magic number (found %08x)", magic), null);
    }
    int flg = input.byteAt(FLG_OFFSET) & 0xFF;
    int descriptorSize = 2 + ((flg & FLG_CONTENT_SIZE) != 0 ? 8 : 0) + ((flg & FLG_DICT_ID) != 0 ? 4 : 0);
    if (input.size() < FLG_OFFSET + descriptorSize + 1) {
      throw new CorruptCompressedDataException(CompressionType.LZ4, "the frame header is cut short", null);
    }
    byte[] descriptor = input.substring(FLG_OFFSET, FLG_OFFSET + descriptorSize).toByteArray();
    int expected = (HASH.hash(descriptor, 0, descriptorSize, 0) >> 8) & 0xFF;
    if (expected != (input.byteAt(FLG_OFFSET + descriptorSize) & 0xFF)) {
      throw new CorruptCompressedDataException(CompressionType.LZ4, "the frame header checksum does not match",
          null);
    }
    int blockSizeId = (input.byteAt(BD_OFFSET) >>> 4) & 7;
    if (blockSizeId >= 4) {
      int blockSize = 1 << (2 * blockSizeId + 8);
      if (blockSize > Math.max(limit, BLOCK_SIZE)) {
        throw new DecompressedTooLargeException(CompressionType.LZ4, limit, "the frame declares blocks of up to "
            + blockSize + " bytes");
      }
    }
  }

  @Override
  public String toString() {
    return "Codec[lz4]";
  }
}
