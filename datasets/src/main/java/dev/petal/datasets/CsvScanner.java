package dev.petal.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CSV records (RFC 4180: quoted cells with doubled quotes, line breaks inside quotes, LF, CRLF or
 * CR line ends; empty lines skipped) one at a time from a byte stream, into one reused byte buffer: no
 * string is made for a cell unless asked for, so numbers go straight from bytes to doubles. Every
 * record knows the physical line it starts on and its byte offset in the stream.
 */
final class CsvScanner implements Closeable {
    private final InputStream in;
    private final String source;
    private byte delimiter;
    private final byte[] inBuf = new byte[1 << 16];
    private int inPos;
    private int inLen;
    private long consumed;          // bytes of the stream before inBuf[0]
    private boolean eof;
    private int line = 1;           // the line of the next unread byte

    private byte[] rec = new byte[256];
    private int recLen;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int cells;
    private int recordLine;
    private long recordOffset;

    /** A scanner of {@code in}; {@code delimiter} 0 detects it from the first line ({@link #detectDelimiter}). */
    CsvScanner(InputStream in, String source, byte delimiter) throws IOException {
        this.in = in;
        this.source = source;
        fill();
        if (inLen - inPos >= 3 && (inBuf[0] & 0xff) == 0xEF && (inBuf[1] & 0xff) == 0xBB && (inBuf[2] & 0xff) == 0xBF) {
            inPos = 3;   // a UTF-8 byte-order mark
        }
        this.delimiter = delimiter != 0 ? delimiter : detectDelimiter(Arrays.copyOfRange(inBuf, inPos, inLen), inLen - inPos);
    }

    /** The delimiter in use. */
    byte delimiter() {
        return delimiter;
    }

    /** The delimiter of the header line at the start of {@code head}: the most frequent of , ; and tab outside quotes, ',' when none. */
    static byte detectDelimiter(byte[] head, int len) {
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < len; i++) {
            byte c = head[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (semi > comma && semi >= tab) {
            return ';';
        }
        return tab > comma && tab > semi ? (byte) '\t' : (byte) ',';
    }

    /** Reads the next record; false at the end of the stream. */
    boolean next() throws IOException {
        // skip empty lines
        while (true) {
            if (inPos == inLen && !fill()) {
                return false;
            }
            byte c = inBuf[inPos];
            if (c == '\n') {
                inPos++;
                line++;
            } else if (c == '\r') {
                inPos++;
                line++;
                if ((inPos < inLen || fill()) && inBuf[inPos] == '\n') {
                    inPos++;
                }
            } else {
                break;
            }
        }
        recordLine = line;
        recordOffset = consumed + inPos;
        recLen = 0;
        cells = 0;
        while (true) {
            int start = recLen;
            boolean quoted = inBuf[inPos] == '"';
            if (quoted) {
                inPos++;
                readQuoted();
            } else {
                readPlain();
            }
            addCell(start, recLen);
            if (inPos == inLen && !fill()) {
                return true;
            }
            byte c = inBuf[inPos];
            if (c == delimiter) {
                inPos++;
                if (inPos == inLen && !fill()) {
                    addCell(recLen, recLen);   // a trailing delimiter ends with an empty cell
                    return true;
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                inPos++;
                line++;
                if (c == '\r' && (inPos < inLen || fill()) && inBuf[inPos] == '\n') {
                    inPos++;
                }
                return true;
            }
            throw new IllegalArgumentException(String.format("%s line %d: not a valid CSV file: text after the closing quote of a quoted value; "
                    + "quote the whole value and double any quote inside it", source, line));
        }
    }

    private void readPlain() throws IOException {
        while (true) {
            int p = inPos;
            int end = inLen;
            byte d = delimiter;
            while (p < end) {
                byte c = inBuf[p];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            append(inPos, p - inPos);
            inPos = p;
            if (p < end || !fill()) {
                return;
            }
        }
    }

    private void readQuoted() throws IOException {
        int startLine = line;
        while (true) {
            if (inPos == inLen && !fill()) {
                throw new IllegalArgumentException(String.format("%s line %d: not a valid CSV file: a quoted value is never closed; "
                        + "close it with '\"' (write a quote inside a value as '\"\"')", source, startLine));
            }
            byte c = inBuf[inPos++];
            if (c == '"') {
                if ((inPos < inLen || fill()) && inBuf[inPos] == '"') {
                    inPos++;
                    appendByte((byte) '"');
                    continue;
                }
                return;
            }
            if (c == '\n' || (c == '\r' && !((inPos < inLen || fill()) && inBuf[inPos] == '\n'))) {
                line++;
            }
            appendByte(c);
        }
    }

    private void append(int from, int len) {
        if (recLen + len > rec.length) {
            rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + len));
        }
        System.arraycopy(inBuf, from, rec, recLen, len);
        recLen += len;
    }

    private void appendByte(byte b) {
        if (recLen == rec.length) {
            rec = Arrays.copyOf(rec, rec.length * 2);
        }
        rec[recLen++] = b;
    }

    private void addCell(int start, int end) {
        if (cells == starts.length) {
            starts = Arrays.copyOf(starts, cells * 2);
            ends = Arrays.copyOf(ends, cells * 2);
        }
        starts[cells] = start;
        ends[cells] = end;
        cells++;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        consumed += inLen;
        inPos = 0;
        inLen = 0;
        int n;
        do {
            n = in.read(inBuf, 0, inBuf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        inLen = n;
        return true;
    }

    /** The number of cells of the current record. */
    int cells() {
        return cells;
    }

    /** The physical line the current record starts on. */
    int line() {
        return recordLine;
    }

    /** The byte offset of the current record in the stream. */
    long offset() {
        return recordOffset;
    }

    /** The byte offset just after the last record read. */
    long position() {
        return consumed + inPos;
    }

    /** Cell {@code j} as a number, or {@link FastDouble#INVALID}. */
    double number(int j) {
        return FastDouble.parse(rec, starts[j], ends[j]);
    }

    /** Whether cell {@code j} is exactly {@code text} (UTF-8 bytes). */
    boolean cellEquals(int j, byte[] text) {
        int len = ends[j] - starts[j];
        return len == text.length && Arrays.equals(rec, starts[j], ends[j], text, 0, len);
    }

    /** Whether cell {@code j} is empty or only spaces. */
    boolean isBlank(int j) {
        for (int i = starts[j]; i < ends[j]; i++) {
            if (rec[i] != ' ' && rec[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Cell {@code j} as text; an error naming the line if it is not UTF-8. */
    String text(int j) {
        int from = starts[j];
        int to = ends[j];
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            ascii &= rec[i] >= 0;
        }
        if (ascii) {
            // ASCII is its own UTF-8: no decoder to build for each label of each row
            return new String(rec, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(rec, starts[j], ends[j] - starts[j])).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(String.format("%s line %d: not UTF-8 text; save the CSV file as UTF-8", source, recordLine));
        }
    }

    /** Cell {@code j}'s bytes, for copying as they are. */
    void appendRaw(int j, java.io.ByteArrayOutputStream out) {
        out.write(rec, starts[j], ends[j] - starts[j]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
