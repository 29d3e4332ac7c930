package dev.petal.interop;

import dev.petal.interop.PyValues.DType;
import dev.petal.interop.PyValues.Tuple;
import java.io.IOException;
import java.util.Map;

/**
 * joblib's {@code NumpyArrayWrapper}: {@code joblib.dump} pickles a wrapper (subclass, shape, order,
 * dtype, alignment) in place of each numpy array and writes the array's bytes right after the
 * wrapper's {@code BUILD} opcode: a padding-length byte and padding when the wrapper records an
 * alignment, then the raw elements; object arrays instead follow as a nested protocol-2 pickle.
 */
final class JoblibArrays {
    private JoblibArrays() {
    }

    static NdArray read(Map<Object, Object> state, PickleInput in, ImportLimits limits, int nesting) throws IOException {
        if (!PickleReader.isGlobal(state.get("subclass"), Globals.NDARRAY) || !(state.get("shape") instanceof Tuple shape)
                || !(state.get("order") instanceof String order) || !(order.equals("C") || order.equals("F"))
                || !(state.get("dtype") instanceof DType dtype)) {
            throw in.fail("holds a joblib array wrapper Petal cannot read (it needs subclass numpy.ndarray, shape, order C or F, dtype)");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(shape.get(i) instanceof Long v)) {
                throw in.fail("holds a joblib array shape with a " + PyValues.typeName(shape.get(i)));
            }
            dims[i] = v;
        }
        long count = NdArray.count(dims);
        if (count < 0) {
            throw in.fail("announces a joblib array of shape " + NdArray.shapeText(dims) + " and dtype " + dtype
                    + ", more elements than Petal reads");
        }
        int[] shapeInts = Calls.shape(shape, in);
        if (dtype.kind == 'O') {
            Object nested = new PickleReader(in, limits, nesting + 1).load();
            if (!(nested instanceof NdArray a) || a.size() != count) {
                throw in.fail("holds a joblib object array whose nested pickle is a " + PyValues.typeName(nested)
                        + " instead of an array of shape " + NdArray.shapeText(dims));
            }
            return a;
        }
        Object alignment = state.get("numpy_array_alignment_bytes");
        if (alignment instanceof Long align) {
            int pad = in.read("a joblib array's padding length");
            if (pad > align) {
                throw in.fail("announces " + pad + " bytes of padding for an alignment of " + align);
            }
            in.skip(pad, "a joblib array's padding");
        } else if (alignment != null && alignment != PyValues.NONE) {
            throw in.fail("holds a joblib array alignment of type " + PyValues.typeName(alignment));
        }
        byte[] data = in.read(count * dtype.itemSize, "the data of a joblib array of shape " + NdArray.shapeText(dims)
                + " and dtype " + dtype);
        return Calls.arrayFromBytes(dtype, shapeInts, order.equals("F"), data, in);
    }
}
