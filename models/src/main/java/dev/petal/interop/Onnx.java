package dev.petal.interop;

import java.util.List;

/**
 * The pieces of ONNX's {@code onnx.proto} that Petal writes: a model with one graph, its nodes, their
 * attributes and the typed inputs and outputs. Field numbers are onnx.proto's.
 */
final class Onnx {
    /** ONNX IR version 8 (ONNX 1.10+), read by every ONNX Runtime since 1.10. */
    static final long IR_VERSION = 8;
    /** The default-domain opset imported (only for completeness: every node Petal writes is ai.onnx.ml). */
    static final long OPSET = 17;
    /** The ai.onnx.ml opset: SVMClassifier, SVMRegressor, Scaler and LinearClassifier are all version 1 operators. */
    static final long ML_OPSET = 3;
    static final String ML = "ai.onnx.ml";

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int STRING = 8;

    private Onnx() {
    }

    /** A node of the ai.onnx.ml domain. */
    static Protobuf node(String opType, String name, List<String> inputs, List<String> outputs, List<Protobuf> attributes) {
        Protobuf n = new Protobuf();
        inputs.forEach(i -> n.string(1, i));
        outputs.forEach(o -> n.string(2, o));
        n.string(3, name).string(4, opType);
        attributes.forEach(a -> n.message(5, a));
        n.string(7, ML);
        return n;
    }

    static Protobuf floats(String name, float[] v) {
        return new Protobuf().string(1, name).packedFloats(7, v).varint(20, 6);
    }

    static Protobuf ints(String name, long[] v) {
        return new Protobuf().string(1, name).packedInts(8, v).varint(20, 7);
    }

    static Protobuf integer(String name, long v) {
        return new Protobuf().string(1, name).varint(3, v).varint(20, 2);
    }

    static Protobuf string(String name, String v) {
        return new Protobuf().string(1, name).string(4, v).varint(20, 3);
    }

    static Protobuf strings(String name, List<String> v) {
        Protobuf a = new Protobuf().string(1, name);
        v.forEach(s -> a.string(9, s));
        return a.varint(20, 8);
    }

    /** A tensor value: element type and shape, where a dimension below 0 is the symbolic batch size {@code N}. */
    static Protobuf value(String name, int elemType, long... dims) {
        Protobuf shape = new Protobuf();
        for (long d : dims) {
            shape.message(1, d < 0 ? new Protobuf().string(2, "N") : new Protobuf().varint(1, d));
        }
        Protobuf tensor = new Protobuf().varint(1, elemType).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensor));
    }

    /** The model: IR version, producer, the graph and the two opset imports. */
    static byte[] model(String graphName, List<Protobuf> nodes, Protobuf input, List<Protobuf> outputs, String producerVersion,
                        String docString) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        graph.string(10, docString);
        graph.message(11, input);
        outputs.forEach(o -> graph.message(12, o));
        return new Protobuf().varint(1, IR_VERSION).string(2, "petal").string(3, producerVersion)
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET))
                .message(8, new Protobuf().string(1, ML).varint(2, ML_OPSET))
                .toByteArray();
    }
}
