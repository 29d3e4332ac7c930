package dev.petal.datasets;

import dev.petal.check.PyRepr;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes CSV cells to a byte stream: numbers as Python's {@code repr}, text quoted where it must be. */
final class CsvText {
    private final OutputStream out;
    private final char delimiter;
    private final StringBuilder line = new StringBuilder(256);

    CsvText(OutputStream out, char delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    /** Appends a number cell. */
    void number(double v) {
        sep();
        PyRepr.appendTo(line, v);
    }

    /** Appends a text cell, quoted when it holds the delimiter, a quote or a line break, or starts or ends with a space. */
    void text(String s) {
        sep();
        boolean quote = s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ' || s.charAt(0) == '#';
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(s);
            return;
        }
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private void sep() {
        if (line.length() > 0 && line.charAt(line.length() - 1) != '\n') {
            line.append(delimiter);
        }
    }

    /** Ends the row; writes out what has gathered once it is large. */
    void endRow() throws IOException {
        line.append('\n');
        if (line.length() > 1 << 15) {
            flush();
        }
    }

    /** Writes everything gathered. */
    void flush() throws IOException {
        if (line.length() > 0) {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            line.setLength(0);
        }
    }
}
