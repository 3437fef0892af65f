package dev.serviceaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.organization.entity.Organization;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.team.entity.Team;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long now = System.currentTimeMillis();
        UUID id = Ids.timeOrdered(now);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(now, id.getMostSignificantBits() >>> 16, "the first 48 bits are the Unix time in ms");
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void sortsByCreationTimeAsADatabaseComparesUuids() {
        // PostgreSQL and H2 compare uuids byte by byte, unsigned: the same order as their hex text
        long base = 1_790_000_000_000L;
        for (int step = 1; step < 1_000; step++) {
            String earlier = Ids.timeOrdered(base + step - 1).toString();
            String later = Ids.timeOrdered(base + step).toString();
            assertTrue(earlier.compareTo(later) < 0, earlier + " sorts before " + later);
        }
        // also past the sign bit of the first long, where a signed comparison would flip
        assertTrue(Ids.timeOrdered(0x7fff_ffff_ffffL).toString().compareTo(Ids.timeOrdered(0x8000_0000_0000L).toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Ids.timeOrdered(1_790_000_000_000L)), "74 random bits per id");
        }
    }

    @Test
    void everyEntityTakesATimeOrderedId() {
        Instant now = Instant.now();
        var team = new Team("platform", null, now);
        var account = new ServiceAccount("ci-runner", null, null, team, Actor.system(), now);
        List<UUID> ids = List.of(new Organization("Example", now).id(), team.id(), account.id(),
                new Member("alice", null, null, "hash", OrgRole.USER, now).id(),
                new Credential(account, "sak_0123456789abcdef", "hash", null, Actor.system(), now, null).id());
        ids.forEach(id -> assertEquals(7, id.version(), id + " is a version 7 UUID"));
    }
}
