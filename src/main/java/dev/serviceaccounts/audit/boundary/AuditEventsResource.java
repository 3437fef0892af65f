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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import dev.serviceaccounts.http.Csv;
import dev.serviceaccounts.http.JsonbConfiguration;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.http.QueryParams;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
    @Path("export")
    @Produces({"application/x-ndjson", Csv.MEDIA_TYPE})
    @Operation(summary = "Every matching event, oldest first, for a SIEM: JSON lines (format=jsonl, the default) or CSV "
            + "(format=csv); the same filters and visibility as the list, no paging")
    public Response export(@QueryParam("targetId") String targetId, @QueryParam("targetKind") String targetKind,
                           @QueryParam("actorId") String actorId, @QueryParam("action") String action,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        var query = AuditQuery.parse(targetId, targetKind, actorId, action, from, to, null, null);
        String chosen = QueryParams.text("format", format, 10);
        if (chosen != null && !chosen.equals("jsonl") && !chosen.equals("csv")) {
            throw QueryParams.bad("format", "must be jsonl or csv");
        }
        boolean csv = "csv".equals(chosen);
        var who = caller.get();
        AccessPolicy.visibility(who, AccessPolicy.Operation.READ_AUDIT); // refuses (403) before the answer starts, as the list does
        StreamingOutput body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(Csv.row(List.of("id", "occurredAt", "actorKind", "actorId", "actorName", "action", "targetKind",
                        "targetId", "targetName", "teamId", "sourceIp", "details")));
            }
            long after = 0;
            for (var batch = events.exportBatch(who, query, after, EXPORT_BATCH); !batch.isEmpty();
                 batch = events.exportBatch(who, query, after, EXPORT_BATCH)) {
                for (var e : batch) {
                    writer.write(csv ? Csv.row(Arrays.asList(e.id(), e.occurredAt(), e.actor().kind(), e.actor().id(), e.actor().name(),
                            e.action(), e.target().kind(), e.target().id(), e.target().name(), e.teamId(), e.sourceIp(), e.details()))
                            : JsonbConfiguration.JSONB.toJson(e) + "\n");
                    after = e.id();
                }
                writer.flush();
            }
            writer.flush(); // the CSV header of an empty export
        };
        return Response.ok(body, csv ? Csv.MEDIA_TYPE + "; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit-events." + (csv ? "csv" : "jsonl") + "\"").build();
    }

    private static final int EXPORT_BATCH = 1000;

    @GET
    @Path("verification")
    @Operation(summary = "Seal what is pending, then walk the audit chain: intact, or the first event whose content or "
            + "link does not match (OWNER, ORG_ADMIN). Keep headHash elsewhere to detect a rewrite of the whole chain")
    public AuditChain.Verification verification() {
        return events.verify(caller.get());
    }
}
