package dev.serviceaccounts.member.control;

import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.OrgRole;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a member for sign-in in a transaction of its own, so the role, teams and password hash
 * are the committed ones (see CredentialLoader for why authentication needs that).
 */
@Stateless
public class MemberDirectory {

    @PersistenceContext
    EntityManager em;

    /** What signing in needs of a member, detached from any persistence context. */
    public record Login(UUID id, String username, String displayName, String passwordHash, OrgRole orgRole,
                        Map<UUID, String> adminTeams) {
    }

    public Login findForLogin(String username) {
        var found = em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", username).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        return login(found.get(0));
    }

    /** Replaces a password hash with one of the current cost, unless the password was changed meanwhile. */
    public void rehash(UUID id, String storedHash, String newHash) {
        em.createQuery("update Member m set m.passwordHash = :new where m.id = :id and m.passwordHash = :old")
                .setParameter("new", newHash).setParameter("id", id).setParameter("old", storedHash).executeUpdate();
    }

    /** The member behind a console session, or null once it was removed. */
    public Login findById(UUID id) {
        Member member = em.find(Member.class, id);
        return member == null ? null : login(member);
    }

    private static Login login(Member member) {
        var teams = new HashMap<UUID, String>();
        member.adminOf().forEach(team -> teams.put(team.id(), team.name()));
        return new Login(member.id(), member.username(), member.displayName(), member.passwordHash(), member.orgRole(), teams);
    }
}
