package dev.serviceaccounts.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.audit.control.AuditChain;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("audit-events")
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    @Inject
    AuditEvents events;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Audit events, newest first, filtered by target, actor, action and time range [from, to)")
    public Page<AuditEventView> list(@QueryParam("targetId") String targetId, @QueryParam("targetKind") String targetKind,
                                     @QueryParam("actorId") String actorId, @QueryParam("action") String action,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return events.list(caller.get(), AuditQuery.parse(targetId, targetKind, actorId, action, from, to, page, size));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Seal what is pending, then walk the audit chain: intact, or the first event whose content or "
            + "link does not match (OWNER, ORG_ADMIN). Keep headHash elsewhere to detect a rewrite of the whole chain")
    public AuditChain.Verification verification() {
        return events.verify(caller.get());
    }
}
