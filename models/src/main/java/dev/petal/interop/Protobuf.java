package dev.petal.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder (wire format only): varints, 32-bit floats, length-delimited
 * bytes, strings and nested messages, and packed repeated floats and ints. Enough for ONNX's
 * {@code ModelProto}; fields are written in the order they are added.
 */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Protobuf varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    Protobuf float32(int field, float value) {
        tag(field, 5);
        fixed32(Float.floatToRawIntBits(value));
        return this;
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf message) {
        return bytes(field, message.toByteArray());
    }

    Protobuf packedFloats(int field, float[] values) {
        Protobuf p = new Protobuf();
        for (float v : values) {
            p.fixed32(Float.floatToRawIntBits(v));
        }
        return bytes(field, p.toByteArray());
    }

    Protobuf packedInts(int field, long[] values) {
        Protobuf p = new Protobuf();
        for (long v : values) {
            p.raw(v);
        }
        return bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void fixed32(int bits) {
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
    }
}
