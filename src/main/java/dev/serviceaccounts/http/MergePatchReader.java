package dev.serviceaccounts.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Reads PATCH bodies as JSON objects, so absent and null fields stay distinguishable. */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class MergePatchReader implements MessageBodyReader<MergePatch> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MergePatch.class;
    }

    @Override
    public MergePatch readFrom(Class<MergePatch> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream body) {
        return MergePatch.parse(body);
    }
}
