package dev.serviceaccounts.member.control;

import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.security.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.Set;

/** Validates a member's username and password: one indexed lookup, then the password check. */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var found = em.createNamedQuery(Member.BY_USERNAME, Member.class)
                .setParameter("username", login.getCaller())
                .getResultList();
        if (found.isEmpty()) {
            passwords.spendAsMuchAsACheck(login.getPasswordAsString()); // an unknown name answers as slowly as a known one
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(login.getPasswordAsString(), found.get(0).passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Member member = found.get(0);
        Caller caller = Caller.member(member.id(), member.username(), member.orgRole(), member.adminTeamIds());
        return new CredentialValidationResult(new CallerIdentity(caller), Set.of(member.orgRole().name()));
    }
}
