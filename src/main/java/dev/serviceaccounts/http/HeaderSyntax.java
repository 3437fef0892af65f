package dev.serviceaccounts.http;

import java.util.regex.Pattern;

/**
 * RFC 9110's grammar for the media-type headers the API negotiates on. JAX-RS parses these itself
 * and, given one it cannot read, throws errors that escape every mapper (an HTML 400, or a 500);
 * checked here first, a malformed header is a 400 problem document like any other bad input.
 */
public final class HeaderSyntax {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\x00-\\x08\\x0A-\\x1F\\x7F]|\\\\[\\x09\\x20-\\x7E\\x80-\\xFF])*\"";
    private static final Pattern PARAMETER = Pattern.compile("\\s*(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")\\s*");
    private static final Pattern MEDIA_RANGE = Pattern.compile("\\s*(" + TOKEN + ")/(" + TOKEN + ")\\s*");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private HeaderSyntax() {
    }

    /** An Accept header: comma-separated media ranges, each with parameters and at most one valid q. */
    public static boolean isValidAccept(String header) {
        for (String range : header.split(",", -1)) {
            if (range.isBlank()) {
                continue; // RFC 9110 allows empty list elements
            }
            if (!isValidMediaType(range, true)) {
                return false;
            }
        }
        return true;
    }

    /** A Content-Type header: one media type with parameters (whether it is supported is JAX-RS's 415). */
    public static boolean isValidContentType(String header) {
        return isValidMediaType(header, false);
    }

    private static boolean isValidMediaType(String value, boolean accept) {
        String[] parts = value.split(";", -1);
        var range = MEDIA_RANGE.matcher(parts[0]);
        if (!range.matches()) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            var parameter = PARAMETER.matcher(parts[i]);
            if (!parameter.matches()) {
                return false;
            }
            String name = parameter.group(1);
            String content = unquote(parameter.group(2));
            // a quality value means nothing in a Content-Type, and JAX-RS chokes on a malformed one there too
            if (name.equalsIgnoreCase("q") && !(accept && QVALUE.matcher(content).matches())) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") : value;
    }
}
