package dev.serviceaccounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The WAR Maven built, deployed once into the server Arquillian started and left there for every
 * test class that follows. Arquillian deploys per class, and each deployment (Hibernate, Weld,
 * Faces, Flyway's check) cost 20 to 100 s on a starved two-core machine: most of a CI run. The
 * server runs in a copy of its base directory (arquillian.xml), so nothing of this outlives it.
 */
public final class SharedDeployment {

    private static final String NAME = "service-accounts.war";

    /** The product's root on the server Arquillian started (the product owns the root context). */
    public static final URI ROOT = URI.create("http://127.0.0.1:8080/");

    private static ModelControllerClient management;

    private static boolean deployed;

    private SharedDeployment() {
    }

    /**
     * The server's management API, on loopback, authenticated as the local user (WildFly's
     * JBOSS-LOCAL-USER), for as long as the tests run.
     */
    public static synchronized ModelControllerClient management() {
        if (management == null) {
            try {
                management = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return management;
    }

    /** Runs a management operation; a failed one fails the test with the server's reason. */
    public static ModelNode execute(ModelNode operation) throws IOException {
        ModelNode result = management().execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException(operation.get("operation").asString() + " failed: "
                    + Operations.getFailureDescription(result).asString());
        }
        return Operations.readResult(result);
    }

    /** Deploys the WAR (by reference, not copied) on the first call; the server starts clean. */
    static synchronized void ensure() throws IOException {
        if (deployed) {
            return;
        }
        deploy(NAME, Path.of(System.getProperty("it.war")));
        deployed = true;
    }

    /** Deploys an archive by reference (not copied) under a name, as an operator's CLI would. */
    public static void deploy(String name, Path archive) throws IOException {
        ModelNode add = Operations.createAddOperation(Operations.createAddress("deployment", name));
        ModelNode content = new ModelNode();
        content.get("path").set(archive.toAbsolutePath().toString());
        content.get("archive").set(true);
        add.get("content").add(content);
        add.get("enabled").set(true);
        execute(add);
    }
}
