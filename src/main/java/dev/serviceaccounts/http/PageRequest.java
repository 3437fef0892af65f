package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;

/** Zero-based page number and page size, parsed from query parameters and bounded. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest parse(String page, String size) {
        return new PageRequest(
                QueryParams.integer("page", page, 0, 0, 1_000_000),
                QueryParams.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return page * size;
    }
}
