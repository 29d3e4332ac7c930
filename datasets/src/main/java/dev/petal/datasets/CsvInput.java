package dev.petal.datasets;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a CSV input: a file, gzip-compressed or not (told by its first bytes), or {@code -} for standard input. */
public final class CsvInput {
    private CsvInput() {
    }

    /** Whether {@code file} is {@code -}, standard input or output. */
    public static boolean isStdio(Path file) {
        return file.toString().equals("-");
    }

    /** Opens {@code file} for reading, decompressing gzip; errors are one line naming the file. */
    public static InputStream open(Path file) {
        InputStream raw;
        if (isStdio(file)) {
            raw = new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for the rest of the process
                }
            };
        } else {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a folder, not a CSV file");
            }
            try {
                raw = Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(file + ": no such file");
            } catch (AccessDeniedException e) {
                throw new IllegalArgumentException(file + ": cannot read: permission denied");
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new GZIPInputStream(in, 1 << 16);
            }
            return in;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
