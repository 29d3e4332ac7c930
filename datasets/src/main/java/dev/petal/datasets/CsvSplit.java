package dev.petal.datasets;

import dev.petal.io.AtomicFile;
import dev.petal.io.OutputFiles;
import dev.petal.selection.Selection;
import dev.petal.selection.SplitOptions;
import dev.petal.selection.TrainTestIndices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code train_test_split} of a CSV file in bounded memory: a first pass checks every cell and keeps
 * only each row's label and byte offset; the split is drawn from the labels; a second pass reads the
 * rows in the split's order by offset and writes them (numbers as Python's {@code repr}, labels and
 * set-aside columns as read) to both files at once, both or neither. A gzip file or standard input
 * is first decompressed to a temporary file, which random access needs.
 */
public final class CsvSplit {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

    /** What was written: the row indices of each part and the label column's name. */
    public record Result(TrainTestIndices indices, String labelName) {
    }

    private CsvSplit() {
    }

    /** Splits {@code data} into {@code train} and {@code test} as {@code Selection.trainTestIndices(y, split)}. */
    public static Result split(Path data, String labelColumn, CsvOptions options, SplitOptions split, Path train, Path test) {
        return split(data, labelColumn, options, split, train, test, null);
    }

    /**
     * {@link #split(Path, String, CsvOptions, SplitOptions, Path, Path)}, where {@code train} or {@code test} may be
     * {@code -}: those rows go to {@code stdout} (null: {@code System.out}), the other file is put in place after.
     */
    public static Result split(Path data, String labelColumn, CsvOptions options, SplitOptions split, Path train, Path test,
                               java.io.OutputStream stdout) {
        Path plain = data;
        Path tmp = null;
        try {
            if (CsvInput.isStdio(data) || isGzip(data)) {
                tmp = decompress(data);
                plain = tmp;
            }
            return split(data.toString(), plain, labelColumn, options, split, train, test, stdout);
        } finally {
            if (tmp != null) {
                CsvReader.deleteQuietly(tmp);
            }
        }
    }

    private static Result split(String name, Path file, String labelColumn, CsvOptions options, SplitOptions split,
                                Path train, Path test, java.io.OutputStream stdout) {
        long[] offsets = new long[1024];
        int[] labelIds = new int[1024];
        List<String> distinctTexts = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        int n = 0;
        List<String> header;
        int label;
        boolean[] numeric;
        long headerEnd;
        char delimiter;
        try (CsvRows rows = CsvRows.open(file, options)) {
            header = rows.header();
            headerEnd = rows.endOffset();
            delimiter = rows.delimiter();
            label = labelColumn == null ? CsvReader.lastUsable(rows) : rows.column(labelColumn);
            if (label < 0) {
                throw new IllegalArgumentException(String.format("%s line 1: no label column '%s'; the columns are %s",
                        name, Messages.clip(labelColumn), CsvRows.quoted(header)));
            }
            numeric = new boolean[header.size()];
            for (int j = 0; j < header.size(); j++) {
                numeric[j] = j != label && !options.setsAside(header.get(j));
            }
            while (rows.next()) {
                if (n + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    labelIds = Arrays.copyOf(labelIds, labelIds.length * 2);
                }
                for (int j = 0; j < numeric.length; j++) {
                    if (numeric[j]) {
                        rows.number(j);
                    }
                }
                if (rows.isBlank(label)) {
                    throw new IllegalArgumentException(String.format("%s line %d, column '%s': the label is empty; remove the row or give it a label",
                            name, rows.line(), header.get(label)));
                }
                String text = rows.text(label);
                Integer id = ids.get(text);
                if (id == null) {
                    id = distinctTexts.size();
                    ids.put(text, id);
                    distinctTexts.add(text);
                }
                offsets[n] = rows.offset();
                labelIds[n] = id;
                n++;
                offsets[n] = rows.endOffset();
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no data rows after the header; add one row per sample");
        }
        int[] y = labels(distinctTexts, Arrays.copyOf(labelIds, n));
        TrainTestIndices idx = Selection.trainTestIndices(y, split);
        long[] ends = new long[n];
        for (int i = 0; i < n; i++) {
            ends[i] = i + 1 < n ? offsets[i + 1] : offsets[n];
        }
        final long[] starts = offsets;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            AtomicFile.Content trainRows = out -> writeRows(name, ch, starts, ends, idx.train(), header, numeric, options, delimiter, out);
            AtomicFile.Content testRows = out -> writeRows(name, ch, starts, ends, idx.test(), header, numeric, options, delimiter, out);
            OutputFiles.writeBoth(train, trainRows, test, testRows, stdout);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("cannot write") ? e.getMessage() : name + ": " + e.getMessage(), e);
        }
        return new Result(idx, header.get(label));
    }

    /** The labels as {@link CsvReader} makes them: integer values, or indices into the sorted strings. */
    private static int[] labels(List<String> texts, int[] ids) {
        boolean allIntegers = true;
        for (String t : texts) {
            String s = t.strip();
            allIntegers &= INTEGER.matcher(s).matches() && Long.parseLong(s) == (int) Long.parseLong(s);
        }
        int[] value = new int[texts.size()];
        if (allIntegers) {
            for (int c = 0; c < value.length; c++) {
                value[c] = Integer.parseInt(texts.get(c).strip());
            }
        } else {
            TreeSet<String> sorted = new TreeSet<>(CsvReader.CODE_POINT_ORDER);
            sorted.addAll(texts);
            List<String> order = new ArrayList<>(sorted);
            for (int c = 0; c < value.length; c++) {
                value[c] = order.indexOf(texts.get(c));
            }
        }
        int[] y = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            y[i] = value[ids[i]];
        }
        return y;
    }

    private static void writeRows(String name, FileChannel ch, long[] starts, long[] ends, int[] order, List<String> header,
                                  boolean[] numeric, CsvOptions options, char delimiter, java.io.OutputStream out) throws IOException {
        CsvText t = new CsvText(out, delimiter);
        for (String h : header) {
            t.text(h);
        }
        t.endRow();
        InputStream rowsInOrder = new RowStream(ch, starts, ends, order);
        try (CsvRows rows = CsvRows.of(name, header, rowsInOrder, options.withDelimiter(delimiter))) {
            while (rows.next()) {
                for (int j = 0; j < numeric.length; j++) {
                    if (numeric[j]) {
                        t.number(rows.number(j));
                    } else {
                        t.text(rows.text(j));
                    }
                }
                t.endRow();
            }
        }
        t.flush();
    }

    /** The bytes of the rows {@code order} of a file, one after another, each ending with a line break. */
    private static final class RowStream extends InputStream {
        private final FileChannel ch;
        private final long[] starts;
        private final long[] ends;
        private final int[] order;
        private int next;
        private ByteBuffer buf = ByteBuffer.allocate(0);

        RowStream(FileChannel ch, long[] starts, long[] ends, int[] order) {
            this.ch = ch;
            this.starts = starts;
            this.ends = ends;
            this.order = order;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!buf.hasRemaining()) {
                if (next == order.length) {
                    return -1;
                }
                int r = order[next++];
                int size = Math.toIntExact(ends[r] - starts[r]);
                if (buf.capacity() < size + 1) {
                    buf = ByteBuffer.allocate(Math.max(size + 1, buf.capacity() * 2));
                }
                buf.clear();
                buf.limit(size);
                long pos = starts[r];
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new IOException("the file changed while it was split");
                    }
                }
                byte last = size == 0 ? 0 : buf.get(size - 1);
                buf.limit(size + 1);
                if (last != '\n' && last != '\r') {
                    buf.put(size, (byte) '\n');
                } else {
                    buf.limit(size);
                }
                buf.position(0);
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;   // CsvRows.open names the problem
        }
    }

    private static Path decompress(Path data) {
        try {
            Path tmp = Files.createTempFile("petal-split", ".csv");
            try (InputStream in = CsvInput.open(data)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                CsvReader.deleteQuietly(tmp);
                throw e;
            }
            return tmp;
        } catch (IOException e) {
            throw new IllegalArgumentException(data + ": cannot copy to a temporary file: " + e.getMessage(), e);
        }
    }
}
