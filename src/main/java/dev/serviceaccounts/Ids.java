package dev.serviceaccounts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for new rows: UUID version 7 (RFC 9562), a millisecond Unix timestamp in the first
 * 48 bits and 74 random bits after it.
 *
 * <p>Random (version 4) keys put every insert on a random leaf of each index over them; once the
 * tables outgrow the database's buffer cache, each such insert reads a page back and, first
 * after every checkpoint, writes it whole into the WAL. Time-ordered keys keep inserts on the
 * right-hand edge of those indexes, so the cost of creating an account and its credential does
 * not grow with the number of accounts (see BENCHMARKS.md). The creation time an id reveals is
 * shown in the API anyway.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID timeOrdered() {
        return timeOrdered(System.currentTimeMillis());
    }

    static UUID timeOrdered(long unixMillis) {
        long high = ((unixMillis & 0xffff_ffff_ffffL) << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
