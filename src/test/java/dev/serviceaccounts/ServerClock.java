package dev.serviceaccounts;

import java.time.Duration;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/** Moves the server's clock, through WildFly's management API, for tests of expiry. */
public final class ServerClock {

    private static final String PROPERTY = "serviceaccounts.clock.offset";

    private final ModelControllerClient management = SharedDeployment.management();

    public void advance(Duration offset) throws Exception {
        reset();
        ModelNode add = Operations.createAddOperation(Operations.createAddress("system-property", PROPERTY));
        add.get("value").set(offset.toString());
        execute(add);
    }

    public void reset() throws Exception {
        ModelNode read = Operations.createReadResourceOperation(Operations.createAddress("system-property", PROPERTY));
        if (Operations.isSuccessfulOutcome(management.execute(read))) {
            execute(Operations.createRemoveOperation(Operations.createAddress("system-property", PROPERTY)));
        }
    }

    private void execute(ModelNode operation) throws Exception {
        ModelNode result = management.execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException(Operations.getFailureDescription(result).asString());
        }
    }
}
