package dev.serviceaccounts;

import java.time.Duration;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/** Moves the server's clock, through WildFly's management API, for tests of expiry. */
public final class ServerClock {

    private static final ModelNode PROPERTY = Operations.createAddress("system-property", "serviceaccounts.clock.offset");

    public void advance(Duration offset) throws Exception {
        set(offset.toString());
    }

    /** Breaks the clock: every look at it throws on the server, a fault the server has to answer for. */
    public void breakDown() throws Exception {
        set("not a duration");
    }

    private void set(String offset) throws Exception {
        reset();
        ModelNode add = Operations.createAddOperation(PROPERTY);
        add.get("value").set(offset);
        SharedDeployment.execute(add);
    }

    public void reset() throws Exception {
        if (Operations.isSuccessfulOutcome(SharedDeployment.management().execute(Operations.createReadResourceOperation(PROPERTY)))) {
            SharedDeployment.execute(Operations.createRemoveOperation(PROPERTY));
        }
    }
}
