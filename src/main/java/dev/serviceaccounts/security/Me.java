package dev.serviceaccounts.security;

import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.team.boundary.TeamRef;
import dev.serviceaccounts.team.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;

/** Describes the caller to itself; anyone authenticated may ask. */
@Stateless
public class Me {

    @PersistenceContext
    EntityManager em;

    public MeView describe(Caller caller) {
        List<TeamRef> teams = caller.adminTeams().isEmpty() ? List.of()
                : em.createQuery("select t from Team t where t.id in :ids", Team.class)
                        .setParameter("ids", caller.adminTeams()).getResultList().stream()
                        .map(TeamRef::of).sorted(Comparator.comparing(TeamRef::name)).toList();
        var member = em.find(Member.class, caller.id());
        String displayName = member == null ? caller.name() : member.displayName();
        return new MeView(caller.kind(), caller.id(), caller.name(), displayName, caller.orgRole(), teams);
    }
}
