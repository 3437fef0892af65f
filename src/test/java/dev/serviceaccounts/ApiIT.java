package dev.serviceaccounts;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: deploys the WAR Maven built to the provisioned WildFly and
 * talks to it over HTTP, as CI pipelines and admins do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ApiIT {

    @ArquillianResource
    protected URL base;

    protected Api anonymous;
    protected Fixtures fixtures;
    protected Api owner;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @BeforeEach
    void connect() throws URISyntaxException {
        anonymous = Api.at(base.toURI());
        fixtures = new Fixtures(anonymous);
        owner = fixtures.owner();
    }
}
