package dev.serviceaccounts.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a {@link ProblemException}: framework errors keep their 4xx status,
 * races lost in the database become 409, and anything else a 500 with no internals shown.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return new ProblemExceptionMapper().toResponse(problem);
            }
            if (cause instanceof WebApplicationException web) {
                return fromStatus(web.getResponse().getStatus());
            }
            if (cause instanceof JsonbException || cause instanceof JsonException || cause instanceof ProcessingException) {
                LOG.log(Level.FINE, "Unreadable request body", e);
                return Problem.of(400, "Bad request", "The request body is not valid JSON of the expected shape.").toResponse();
            }
            if (Conflicts.isConstraintViolation(cause)) {
                return Problem.of(409, "Conflict", "The change conflicts with existing data.").toResponse();
            }
            if (cause instanceof OptimisticLockException) {
                return Problem.of(409, "Conflict", "The resource was changed by someone else; read it again and retry.").toResponse();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return Problem.of(500, "Internal server error", "Unexpected error; the server log names incident " + incident + ".")
                .toResponse();
    }

    private static Response fromStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested media type is not available; ask for application/json.";
            case 415 -> "Unsupported media type; send application/json.";
            default -> title + ".";
        };
        return Problem.of(status, title, detail).toResponse();
    }
}
