package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.member.control.MemberDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Authentication of the admin console: members sign in with a form and keep a session. The
 * console never reads an Authorization header, and only the member store validates its form, so
 * a service account's key and secret are refused here whatever way they are presented. The
 * member is read again on every request: a removed member or a changed role takes effect at once.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** Pages under this path need a signed-in member. */
    public static final String CONSOLE_PATH = "/admin/";
    public static final String LOGIN_PAGE = "/login.xhtml";
    private static final String MEMBER = ConsoleSessions.class.getName() + ".member";
    private static final String THROTTLED = ConsoleSessions.class.getName() + ".throttled";

    @Inject
    AuthenticationMeters meters;

    @Inject
    MemberIdentityStore members;

    @Inject
    MemberDirectory directory;

    static boolean isConsole(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith(CONSOLE_PATH) || path.equals(LOGIN_PAGE);
    }

    AuthenticationStatus validate(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest()
                && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
            return signIn(request, context, login);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(MEMBER) instanceof UUID memberId) {
            var member = directory.findById(memberId);
            if (member != null) {
                var caller = Caller.member(member.id(), member.username(), member.displayName(), member.orgRole(), member.adminTeams());
                return notify(request, context, caller, Set.of(member.orgRole().name()));
            }
            session.invalidate();
        }
        if (request.getServletPath().startsWith(CONSOLE_PATH)) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** How long the sign-in this request made is refused for too many failures, or null when it was not. */
    public static Duration throttled(HttpServletRequest request) {
        return request.getAttribute(THROTTLED) instanceof Duration refusedFor ? refusedFor : null;
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential login) {
        var located = new MemberLogin(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr());
        CredentialValidationResult result = members.validate(located);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof CallerIdentity identity)) {
            if (located.throttledFor() != null) {
                request.setAttribute(THROTTLED, located.throttledFor());
            }
            meters.count(AuthenticationMeters.Method.CONSOLE, AuthenticationMeters.outcomeOfRefused(located));
            return AuthenticationStatus.SEND_FAILURE;
        }
        meters.count(AuthenticationMeters.Method.CONSOLE, AuthenticationMeters.Outcome.ACCEPTED);
        request.getSession(true);
        request.changeSessionId(); // no session fixation: the id a visitor had before signing in is dead now
        request.getSession().setAttribute(MEMBER, identity.caller().id());
        return notify(request, context, identity.caller(), result.getCallerGroups());
    }

    private static AuthenticationStatus notify(HttpServletRequest request, HttpMessageContext context, Caller caller,
                                               Set<String> groups) {
        request.setAttribute(Caller.ATTRIBUTE, caller.from(request.getRemoteAddr()));
        return context.notifyContainerAboutLogin(new CallerIdentity(caller), groups);
    }
}
