package dev.serviceaccounts.token.boundary;

/** A refusal in RFC 6749's words (section 5.2): status, error code, and a description for the developer. */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;
    private final String allow;

    OAuthError(int status, String error, String description) {
        this(status, error, description, null);
    }

    private OAuthError(int status, String error, String description, String allow) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.allow = allow;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError methodNotAllowed(String method, String allow) {
        return new OAuthError(405, "invalid_request", "This endpoint answers " + allow + ", not " + method + ".", allow);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String allow() {
        return allow;
    }
}
