package dev.petal.serving;

import java.util.Locale;

/** A request's Content-Type, checked: only the media types a route accepts, in UTF-8, else 415. */
record ContentType(String mediaType) {
    /** application/json. */
    static final String JSON = "application/json";
    /** text/csv. */
    static final String CSV = "text/csv";

    /**
     * Parses {@code header} and requires one of {@code accepted}; a missing header counts as the
     * first accepted type. A charset other than UTF-8, or any other parameter, is refused as MLflow does.
     */
    static ContentType require(String header, String... accepted) {
        if (header == null || header.isBlank()) {
            return new ContentType(accepted[0]);
        }
        String[] parts = header.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String a : accepted) {
            known |= a.equals(media);
        }
        if (!known) {
            throw new RequestException(415, "Content-Type '" + Json.oneLine(header) + "' is not supported here; send "
                    + String.join(" or ", accepted) + ".");
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!key.equals("charset")) {
                throw new RequestException(415, "Content-Type parameter '" + key + "' is not supported; send '" + media + "' or '"
                        + media + "; charset=utf-8'.");
            }
            if (!value.equals("utf-8") && !value.equals("utf8")) {
                throw new RequestException(415, "Charset '" + value + "' is not supported; send the body in utf-8.");
            }
        }
        return new ContentType(media);
    }
}
