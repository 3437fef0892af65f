package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import dev.serviceaccounts.credential.control.TokenFormat;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the credential a request presents and, when an identity store accepts it, leaves the
 * {@link Caller} on the request. Accepted forms:
 * <ul>
 * <li>{@code Basic base64(keyId:secret)}: a service credential ({@code sak_} key id), raw or
 * form-url-encoded as OAuth clients send it;</li>
 * <li>{@code Bearer <secret>}: the same secret alone, which carries its key id;</li>
 * <li>{@code Bearer <JWT>}: a short-lived token from our token service ({@code /oauth2/token});</li>
 * <li>{@code Basic base64(username:password)}: a member.</li>
 * </ul>
 * It never answers a request itself: a request without a valid credential goes on anonymously,
 * and {@link AuthenticationFilter} answers 401 for the API. No session is ever created: every API
 * request authenticates on its own, and a service account has no way to obtain a session. The
 * admin console's pages are the one exception; {@link ConsoleSessions} authenticates those.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ConsoleSessions console;

    @Inject
    AuthenticationMeters meters;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (ConsoleSessions.isConsole(request)) {
            return console.validate(request, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return context.doNothing();
        }
        request.setAttribute(CREDENTIALS_PRESENTED, Boolean.TRUE);
        Credential credential = credential(authorization, request.getRemoteAddr());
        var method = AuthenticationMeters.Method.of(credential, authorization.regionMatches(true, 0, "Bearer ", 0, 7));
        if (credential == null) {
            meters.count(method, AuthenticationMeters.Outcome.REFUSED);
            return context.doNothing();
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException e) {
            // Thrown here, it would reach the container, which answers with an HTML page; the endpoint
            // rethrows it instead (rethrowFailure), so it is answered and logged as that endpoint's errors are.
            request.setAttribute(FAILURE, e);
            meters.count(method, AuthenticationMeters.Outcome.ERROR);
            return context.doNothing();
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof CallerIdentity identity) {
            request.setAttribute(Caller.ATTRIBUTE, identity.caller().from(request.getRemoteAddr()));
            meters.count(method, AuthenticationMeters.Outcome.ACCEPTED);
            return context.notifyContainerAboutLogin(result);
        }
        meters.count(method, AuthenticationMeters.outcomeOfRefused(credential));
        if (credential instanceof MemberLogin login && login.throttledFor() != null) {
            request.setAttribute(THROTTLED, login.throttledFor());
        }
        return context.doNothing();
    }

    /** Request attribute holding how long a member's sign-in is refused, when it was refused for too many failures. */
    static final String THROTTLED = ApiAuthenticationMechanism.class.getName() + ".throttled";

    /** Request attribute set when a request carried an Authorization header, valid or not. */
    public static final String CREDENTIALS_PRESENTED = ApiAuthenticationMechanism.class.getName() + ".presented";

    /** Request attribute holding what went wrong while a credential was being checked, if anything did. */
    private static final String FAILURE = ApiAuthenticationMechanism.class.getName() + ".failure";

    /**
     * Throws what went wrong while this request's credential was being checked, if anything did: a
     * fault on the server is not a wrong credential, so it must not be answered 401.
     */
    public static void rethrowFailure(HttpServletRequest request) {
        if (request.getAttribute(FAILURE) instanceof RuntimeException e) {
            throw e;
        }
    }

    static Credential credential(String authorization, String sourceIp) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.startsWith("eyJ")) {
                return new JwtCredential(token, sourceIp);
            }
            String keyId = TokenFormat.keyIdIn(token); // the identity store checks the format, once
            return keyId == null ? null : new ServiceKeyCredential(keyId, token, sourceIp);
        }
        UsernamePasswordCredential basic = basic(authorization);
        if (basic == null) {
            return null;
        }
        if (TokenFormat.looksLikeKeyId(basic.getCaller())) {
            return new ServiceKeyCredential(basic.getCaller(), formDecoded(basic.getPasswordAsString()), sourceIp);
        }
        String keyId = formDecoded(basic.getCaller());
        if (TokenFormat.looksLikeKeyId(keyId)) {
            return new ServiceKeyCredential(keyId, formDecoded(basic.getPasswordAsString()), sourceIp);
        }
        // a member's username and password, exactly as typed (RFC 7617)
        return new MemberLogin(basic.getCaller(), basic.getPasswordAsString(), sourceIp);
    }

    /**
     * RFC 6749 section 2.3.1: an OAuth client form-url-encodes its id and secret before HTTP Basic,
     * so strict clients send {@code sak%5F...}. Key ids and secrets hold neither '%' nor '+', so
     * decoding leaves the raw form as it is; a malformed escape yields a value no store accepts.
     */
    private static String formDecoded(String value) {
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value; // the raw form, as nearly every client sends it: nothing to decode on this hot path
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static UsernamePasswordCredential basic(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
