package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.credential.control.SecretReporters;
import dev.serviceaccounts.http.JsonInput;
import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.http.ProblemResponses;
import dev.serviceaccounts.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Where secret scanners report leaked secrets: {@code POST /secret-scanning/reports}, a signed JSON
 * array of {@code {"token", "url", "source"}} (at most 100). A reported secret that is ours and
 * active is revoked before the answer returns. The answer is the same whether a string was a
 * secret, an unknown one or garbage: a scanner learns nothing it could use to test guesses.
 */
@WebServlet("/secret-scanning/reports")
public class SecretReportEndpoint extends HttpServlet {

    static final int MAX_REPORTS = 100;

    @Inject
    SecretReporters reporters;

    @Inject
    Credentials credentials;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reporters.any()) {
            ProblemResponses.write(response, 404, "Not found", "No secret reporter is configured (SECRET_REPORTERS).");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            ProblemResponses.methodNotAllowed(response, "POST");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(JsonInput.MAX_BYTES + 1);
        String reporter = request.getHeader("X-Reporter");
        if (!reporters.signed(reporter, request.getHeader("X-Signature"), body)) {
            ProblemResponses.write(response, 401, "Unauthorized",
                    "Name a configured reporter in X-Reporter and sign the body: X-Signature: sha256=<hex HMAC-SHA256>.");
            return;
        }
        JsonArray reports;
        try {
            if (!(JsonInput.read(new ByteArrayInputStream(body)) instanceof JsonArray array) || array.size() > MAX_REPORTS
                    || !array.stream().allMatch(r -> r instanceof JsonObject o && o.get("token") instanceof JsonString)) {
                throw new ProblemException.BadRequest("Send a JSON array of at most " + MAX_REPORTS + " objects, each with a token string.");
            }
            reports = array;
        } catch (ProblemException e) {
            ProblemResponses.write(response, e.status(), e.title(), e.getMessage());
            return;
        }
        for (JsonValue report : reports) {
            JsonObject item = report.asJsonObject();
            credentials.revokeReported(reporter, request.getRemoteAddr(), item.getString("token"),
                    item.get("url") instanceof JsonString url ? url.getString() : null);
        }
        response.setStatus(202);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonP.object().add("received", reports.size()).build().toString());
    }
}
