package dev.serviceaccounts.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * Jakarta JSON Processing through one provider, looked up once. The static factories of
 * {@code jakarta.json.Json} look the provider up again on every call, a service-loader scan of the
 * deployment's jars that took a tenth of a token grant's time (measured with JFR, BENCHMARKS.md).
 */
public final class JsonP {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader json) {
        return PROVIDER.createReader(json);
    }

    public static JsonReader reader(InputStream json) {
        return PROVIDER.createReader(json);
    }
}
