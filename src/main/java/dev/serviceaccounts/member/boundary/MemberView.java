package dev.serviceaccounts.member.boundary;

import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.team.boundary.TeamRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A member as the API shows it; the password hash never leaves the server. */
public record MemberView(UUID id, String username, String displayName, String email, OrgRole orgRole,
                         List<TeamRef> adminOf, Instant createdAt, long version) {

    static MemberView of(Member member) {
        return new MemberView(member.id(), member.username(), member.displayName(), member.email(), member.orgRole(),
                member.adminOf().stream().map(TeamRef::of).sorted(Comparator.comparing(TeamRef::name)).toList(),
                member.createdAt(), member.version());
    }
}
