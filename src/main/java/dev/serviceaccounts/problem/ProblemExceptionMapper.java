package dev.serviceaccounts.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        var errors = e.errors().isEmpty() ? null : e.errors();
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), errors).toResponse();
    }
}
