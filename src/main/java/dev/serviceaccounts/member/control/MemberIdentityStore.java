package dev.serviceaccounts.member.control;

import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.security.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Validates a member's username and password: one indexed lookup, then the password check; refusals are audited. */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @Inject
    MemberDirectory directory;

    @Inject
    Passwords passwords;

    @Inject
    SignInFailures failures;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String sourceIp = login instanceof MemberLogin located ? located.sourceIp() : null;
        var member = directory.findForLogin(login.getCaller());
        if (member == null) {
            passwords.spendAsMuchAsACheck(login.getPasswordAsString()); // an unknown name answers as slowly as a known one
            failures.record(SignInFailures.Reason.UNKNOWN_USERNAME, login.getCaller(), null, sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(login.getPasswordAsString(), member.passwordHash())) {
            failures.record(SignInFailures.Reason.WRONG_PASSWORD, login.getCaller(), member.id(), sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Caller caller = Caller.member(member.id(), member.username(), member.displayName(), member.orgRole(), member.adminTeams());
        return new CredentialValidationResult(new CallerIdentity(caller), Set.of(member.orgRole().name()));
    }
}
