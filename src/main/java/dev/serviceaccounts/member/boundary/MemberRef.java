package dev.serviceaccounts.member.boundary;

import dev.serviceaccounts.member.entity.Member;
import java.util.UUID;

public record MemberRef(UUID id, String username, String displayName) {

    static MemberRef of(Member member) {
        return new MemberRef(member.id(), member.username(), member.displayName());
    }
}
