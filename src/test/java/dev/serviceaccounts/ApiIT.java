package dev.serviceaccounts;

import java.io.IOException;
import java.net.URI;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: Arquillian starts the provisioned WildFly, the WAR Maven built is
 * deployed to it once ({@link SharedDeployment}), and the tests talk to it over HTTP, as CI
 * pipelines and admins do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ApiIT {

    protected final URI base = SharedDeployment.ROOT;

    protected Api anonymous;
    protected Fixtures fixtures;
    protected Api owner;

    @BeforeEach
    void connect() throws IOException {
        SharedDeployment.ensure();
        anonymous = Api.at(base);
        fixtures = new Fixtures(anonymous);
        owner = fixtures.owner();
    }
}
