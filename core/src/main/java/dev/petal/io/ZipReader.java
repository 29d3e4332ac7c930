package dev.petal.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a ZIP archive as hostile input, with positional reads on a file channel rather than
 * java.util.zip's directory parsing: every size, offset and name is checked against the file and
 * the {@link ArchiveLimits} before a byte is allocated for it, entries are inflated into buffers of
 * exactly their announced size (inflating more fails), and each CRC is verified. The compression
 * ratio is checked on the announced size, before the buffer exists: a ZIP bomb is refused without
 * inflating a byte of it.
 */
final class ZipReader implements Closeable {
    /** Plain file names: no separators, no {@code ..}, no leading dot. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int MAX_CENTRAL_RECORD = CENTRAL_SIZE + 100 + 2 * 1024;
    private static final int CHUNK = 64 * 1024;

    /** One entry of the central directory, with the position of its data. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long headerOffset, long dataOffset) {
    }

    private final FileChannel channel;
    private final String label;
    private final List<Entry> entries;

    private ZipReader(FileChannel channel, String label, List<Entry> entries) {
        this.channel = channel;
        this.label = label;
        this.entries = entries;
    }

    /** Opens {@code path} and validates its directory; {@code label} names the file in messages. */
    static ZipReader open(Path path, String label, ArchiveLimits limits) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            List<Entry> entries = directory(ch, label, limits);
            return new ZipReader(ch, label, entries);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The entries, in directory order. */
    List<Entry> entries() {
        return entries;
    }

    /** The uncompressed bytes of {@code e}, bounded by its announced size and checked against its CRC. */
    byte[] read(Entry e) throws IOException {
        byte[] out = new byte[(int) e.size()];
        if (e.method() == ZipWriter.METHOD_STORED) {
            readFully(channel, e.dataOffset(), out, label);
        } else {
            inflate(e, out);
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != e.crc()) {
            throw new ModelFormatException(label + " is corrupt: entry " + e.name() + " fails its CRC check.");
        }
        return out;
    }

    private void inflate(Entry e, byte[] out) throws IOException {
        Inflater inf = new Inflater(true);
        try {
            long inPos = e.dataOffset();
            long inEnd = e.dataOffset() + e.compressedSize();
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, e.compressedSize()))];
            byte[] spare = new byte[1];
            int off = 0;
            int stalls = 0;
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    if (inPos >= inEnd) {
                        throw new ModelFormatException(label + " is corrupt: entry " + e.name()
                                + " ends before its compressed data does.");
                    }
                    int n = (int) Math.min(chunk.length, inEnd - inPos);
                    readFully(channel, inPos, chunk, 0, n, label);
                    inPos += n;
                    inf.setInput(chunk, 0, n);
                }
                int got;
                if (off < out.length) {
                    got = inf.inflate(out, off, out.length - off);
                    off += got;

                } else {
                    got = inf.inflate(spare);
                    if (got > 0) {
                        throw new ModelFormatException(label + " is corrupt: entry " + e.name()
                                + " inflates to more than the " + e.size() + " bytes its header announces.");
                    }
                }
                if (inf.needsDictionary()) {
                    throw new ModelFormatException(label + " is corrupt: entry " + e.name()
                            + " needs a preset dictionary.");
                }
                stalls = got == 0 && !inf.needsInput() && !inf.finished() ? stalls + 1 : 0;
                if (stalls > 2) {
                    throw new ModelFormatException(label + " is corrupt: entry " + e.name() + " does not inflate.");
                }
            }
            if (off != out.length) {
                throw new ModelFormatException(label + " is corrupt: entry " + e.name() + " inflates to " + off
                        + " bytes, but its header announces " + e.size() + ".");
            }
            if (inf.getBytesRead() != e.compressedSize()) {
                throw new ModelFormatException(label + " is corrupt: entry " + e.name()
                        + " has data after its compressed stream.");
            }
        } catch (DataFormatException ex) {
            throw new ModelFormatException(label + " is corrupt: entry " + e.name() + " is not valid deflate data.", ex);
        } finally {
            inf.end();
        }
    }

    /** The most an entry of {@code compressed} bytes may inflate to. */
    private static long ratioAllowance(long compressed, ArchiveLimits limits) {
        return Math.max(ArchiveLimits.RATIO_SLACK_BYTES, compressed * limits.maxCompressionRatio());
    }

    private static List<Entry> directory(FileChannel ch, String label, ArchiveLimits limits) throws IOException {
        long size = ch.size();
        if (size == 0) {
            throw new ModelFormatException(label + " is empty; it is not a Petal model file.");
        }
        if (size > limits.maxFileBytes()) {
            throw new ModelFormatException(label + " is " + size + " bytes, more than the " + limits.maxFileBytes()
                    + " bytes Petal accepts for a model file.");
        }
        byte[] head = new byte[(int) Math.min(4, size)];
        readFully(ch, 0, head, label);
        boolean zipStart = head.length == 4 && le(head, 0, 4) == ZipWriter.LOCAL_SIG;
        int tailLen = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        byte[] tail = new byte[tailLen];
        readFully(ch, size - tailLen, tail, label);
        int end = -1;
        for (int i = tailLen - END_SIZE; i >= 0; i--) {
            if (le(tail, i, 4) == ZipWriter.END_SIG && le(tail, i + 20, 2) == tailLen - i - END_SIZE) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new ModelFormatException(zipStart ? label + " is truncated: its ZIP directory is missing."
                    : label + " is not a Petal model file (not a ZIP archive).");
        }
        long endPos = size - tailLen + end;
        long disk = le(tail, end + 4, 2);
        long cdDisk = le(tail, end + 6, 2);
        long onDisk = le(tail, end + 8, 2);
        long total = le(tail, end + 10, 2);
        long cdSize = le(tail, end + 12, 4);
        long cdOffset = le(tail, end + 16, 4);
        if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            throw new ModelFormatException(label + " is a ZIP64 archive; Petal model files never need ZIP64.");
        }
        if (disk != 0 || cdDisk != 0 || onDisk != total) {
            throw new ModelFormatException(label + " is a multi-part ZIP archive; Petal reads single files only.");
        }
        if (total > limits.maxEntries()) {
            throw new ModelFormatException(label + " has " + total + " entries, more than the " + limits.maxEntries()
                    + " Petal accepts.");
        }
        if (cdOffset + cdSize != endPos || cdSize > total * MAX_CENTRAL_RECORD) {
            throw new ModelFormatException(label + " is truncated or corrupt: its ZIP directory does not fit the file.");
        }
        byte[] cd = new byte[(int) cdSize];
        readFully(ch, cdOffset, cd, label);
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long totalSize = 0;
        int p = 0;
        for (int k = 0; k < total; k++) {
            if (p + CENTRAL_SIZE > cd.length || le(cd, p, 4) != ZipWriter.CENTRAL_SIG) {
                throw new ModelFormatException(label + " is corrupt: its ZIP directory is malformed.");
            }
            int flags = (int) le(cd, p + 8, 2);
            int method = (int) le(cd, p + 10, 2);
            long crc = le(cd, p + 16, 4);
            long csize = le(cd, p + 20, 4);
            long usize = le(cd, p + 24, 4);
            int nameLen = (int) le(cd, p + 28, 2);
            int extraLen = (int) le(cd, p + 30, 2);
            int commentLen = (int) le(cd, p + 32, 2);
            long diskStart = le(cd, p + 34, 2);
            long headerOffset = le(cd, p + 42, 4);
            if (p + CENTRAL_SIZE + nameLen + extraLen + commentLen > cd.length) {
                throw new ModelFormatException(label + " is corrupt: its ZIP directory is malformed.");
            }
            String name = new String(cd, p + CENTRAL_SIZE, nameLen, StandardCharsets.ISO_8859_1);
            p += CENTRAL_SIZE + nameLen + extraLen + commentLen;
            if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
                throw new ModelFormatException(label + " has an entry with the unsafe name '" + printable(name)
                        + "'; Petal model entries are plain file names.");
            }
            if (!names.add(name)) {
                throw new ModelFormatException(label + " has two entries named " + name + ".");
            }
            if ((flags & 0x41) != 0) {
                throw new ModelFormatException(label + " has an encrypted entry " + name + "; Petal does not read encrypted files.");
            }
            if (method != ZipWriter.METHOD_STORED && method != ZipWriter.METHOD_DEFLATED) {
                throw new ModelFormatException(label + ": entry " + name + " uses ZIP compression method " + method
                        + "; Petal reads only stored and deflated entries.");
            }
            if (csize == 0xffffffffL || usize == 0xffffffffL || headerOffset == 0xffffffffL) {
                throw new ModelFormatException(label + " is a ZIP64 archive; Petal model files never need ZIP64.");
            }
            if (diskStart != 0) {
                throw new ModelFormatException(label + " is a multi-part ZIP archive; Petal reads single files only.");
            }
            totalSize += usize;
            if (usize > Integer.MAX_VALUE - 8 || totalSize > limits.maxUncompressedBytes()) {
                throw new ModelFormatException(label + " announces more than " + limits.maxUncompressedBytes()
                        + " uncompressed bytes, more than Petal accepts (a ZIP bomb, or a model too large for this"
                        + " JVM: a larger -Xmx raises the limit).");
            }
            if (method == ZipWriter.METHOD_DEFLATED && usize > ratioAllowance(csize, limits)) {
                throw new ModelFormatException(label + ": entry " + name + " would inflate " + csize + " bytes to "
                        + usize + ", a compression ratio above the " + limits.maxCompressionRatio()
                        + " Petal accepts (a ZIP bomb?).");
            }
            if (method == ZipWriter.METHOD_STORED && csize != usize) {
                throw new ModelFormatException(label + " is corrupt: stored entry " + name + " has two different sizes.");
            }
            long dataOffset = local(ch, label, name, method, flags, crc, csize, usize, headerOffset, cdOffset);
            entries.add(new Entry(name, method, crc, csize, usize, headerOffset, dataOffset));
        }
        if (p != cd.length) {
            throw new ModelFormatException(label + " is corrupt: its ZIP directory is malformed.");
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::headerOffset));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry prev = byOffset.get(i - 1);
            if (prev.dataOffset() + prev.compressedSize() > byOffset.get(i).headerOffset()) {
                throw new ModelFormatException(label + " is corrupt: entries " + prev.name() + " and "
                        + byOffset.get(i).name() + " overlap.");
            }
        }
        return List.copyOf(entries);
    }

    /** Checks an entry's local header against its directory record; returns where its data starts. */
    private static long local(FileChannel ch, String label, String name, int method, int flags, long crc, long csize,
                              long usize, long headerOffset, long cdOffset) throws IOException {
        if (headerOffset + LOCAL_SIZE > cdOffset) {
            throw new ModelFormatException(label + " is corrupt: entry " + name + " lies outside the file.");
        }
        byte[] h = new byte[LOCAL_SIZE];
        readFully(ch, headerOffset, h, label);
        int nameLen = (int) le(h, 26, 2);
        int extraLen = (int) le(h, 28, 2);
        long dataOffset = headerOffset + LOCAL_SIZE + nameLen + extraLen;
        if (le(h, 0, 4) != ZipWriter.LOCAL_SIG || le(h, 8, 2) != method || dataOffset + csize > cdOffset) {
            throw new ModelFormatException(label + " is corrupt: the local header of entry " + name
                    + " does not match the ZIP directory.");
        }
        byte[] localName = new byte[nameLen];
        readFully(ch, headerOffset + LOCAL_SIZE, localName, label);
        boolean sameName = new String(localName, StandardCharsets.ISO_8859_1).equals(name);
        boolean described = (flags & 0x08) != 0;
        boolean sameSizes = described || (le(h, 14, 4) == crc && le(h, 18, 4) == csize && le(h, 22, 4) == usize);
        if (!sameName || !sameSizes) {
            throw new ModelFormatException(label + " is corrupt: the local header of entry " + name
                    + " does not match the ZIP directory.");
        }
        return dataOffset;
    }

    private static void readFully(FileChannel ch, long pos, byte[] dst, String label) throws IOException {
        readFully(ch, pos, dst, 0, dst.length, label);
    }

    private static void readFully(FileChannel ch, long pos, byte[] dst, int off, int len, String label)
            throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst, off, len);
        long at = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new ModelFormatException(label + " is truncated.");
            }
            at += n;
        }
    }

    private static long le(byte[] b, int off, int len) {
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    static String printable(String v) {
        String t = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
