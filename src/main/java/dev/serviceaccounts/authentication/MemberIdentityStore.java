package dev.serviceaccounts.authentication;

import dev.serviceaccounts.member.control.MemberDirectory;
import dev.serviceaccounts.member.control.Passwords;
import dev.serviceaccounts.member.control.SignInFailures;
import dev.serviceaccounts.member.control.SignInThrottle;
import dev.serviceaccounts.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Validates a member's username and password: the throttle's read and one indexed lookup, then the
 * password check. Every refusal costs the same whatever the username (see {@link Passwords}), is
 * counted by the {@link SignInThrottle} and is audited; a throttled attempt is refused unchecked.
 */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @Inject
    MemberDirectory directory;

    @Inject
    Passwords passwords;

    @Inject
    SignInFailures failures;

    @Inject
    SignInThrottle throttle;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String sourceIp = login instanceof MemberLogin located ? located.sourceIp() : null;
        var attempt = SignInThrottle.Attempt.of(login.getCaller(), sourceIp);
        var verdict = throttle.check(attempt);
        if (verdict.refused()) {
            if (login instanceof MemberLogin located) {
                located.throttled(verdict.refusedFor());
            }
            failures.record(SignInFailures.Reason.THROTTLED, login.getCaller(), null, sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        var member = directory.findForLogin(login.getCaller());
        if (member == null) {
            passwords.spendAsMuchAsACheck(login.getPasswordAsString()); // an unknown name answers as slowly as a known one
            throttle.failed(attempt);
            failures.record(SignInFailures.Reason.UNKNOWN_USERNAME, login.getCaller(), null, sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(login.getPasswordAsString(), member.passwordHash())) {
            throttle.failed(attempt);
            failures.record(SignInFailures.Reason.WRONG_PASSWORD, login.getCaller(), member.id(), sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (verdict.hasFailures()) {
            throttle.succeeded(attempt);
        }
        if (passwords.outdated(member.passwordHash())) {
            directory.rehash(member.id(), member.passwordHash(), passwords.hash(login.getPasswordAsString()));
        }
        Caller caller = Caller.member(member.id(), member.username(), member.displayName(), member.orgRole(), member.adminTeams());
        return new CredentialValidationResult(new CallerIdentity(caller), Set.of(member.orgRole().name()));
    }
}
