package dev.petal.datasets;

/** Keeps quoted input short in one-line messages. */
final class Messages {
    private static final int MAX = 200;

    private Messages() {
    }

    /** {@code text}, or its first 200 characters and a note of how long it was. */
    static String clip(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "... (" + text.length() + " characters)";
    }
}
