package dev.serviceaccounts.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON Binding instance that writes every answer. Without a resolver, RESTEasy's
 * {@code JsonBindingProvider} builds a new {@code Jsonb} per response (Yasson's class models and a
 * service-loader scan of the deployment's jars): {@code GET /api/v1/me} fell from about 13,000 to
 * 2,500 requests/s on two cores, 48 % of CPU samples there (issue 20, BENCHMARKS.md). The bench's
 * regression gate fails CI if this goes again. Requests are read by {@link RequestBodyReader}.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** Shared with the writers that stream JSON themselves, such as the audit export. */
    public static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
