package dev.serviceaccounts.organization.control;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.member.control.Passwords;
import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.organization.entity.Organization;
import jakarta.ejb.Stateless;
import dev.serviceaccounts.organization.entity.OnceLock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On an empty database: creates the organization and its first OWNER from configuration
 * (ORGANIZATION_NAME, ADMIN_USERNAME, ADMIN_PASSWORD). Without a configured password it generates
 * one and logs it once; that is the only time a secret is ever logged.
 */
@Stateless
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    OnceLocks onceLocks;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ORGANIZATION_NAME", defaultValue = "My Organization")
    String organizationName;

    @Inject
    @ConfigProperty(name = "ADMIN_USERNAME", defaultValue = "admin")
    String adminUsername;

    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> adminPassword;

    /** Once in the deployment: nodes starting together on an empty database take turns, and one creates. */
    public void createOrganizationIfMissing() {
        if (exists()) {
            return;
        }
        onceLocks.lock(OnceLock.FIRST_START);
        if (exists()) {
            return; // another node did it while this one waited
        }
        var organization = new Organization(organizationName, clock.instant());
        em.persist(organization);
        audit.recordBySystem(AuditAction.ORGANIZATION_CREATED,
                new AuditTrail.Target(TargetKind.ORGANIZATION, organization.id(), organization.name(), null), Map.of());

        String password = adminPassword.filter(p -> !p.isBlank()).orElseGet(FirstStart::generatePassword);
        var owner = new Member(adminUsername, "Administrator", null, passwords.hash(password), OrgRole.OWNER, clock.instant());
        em.persist(owner);
        audit.recordBySystem(AuditAction.MEMBER_CREATED,
                new AuditTrail.Target(TargetKind.MEMBER, owner.id(), owner.username(), null), Map.of("orgRole", "OWNER"));
        if (adminPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning(() -> "\n================================================================\n"
                    + " First start: created the OWNER '" + adminUsername + "' with the generated password\n"
                    + "     " + password + "\n"
                    + " It is shown this once. Sign in and change it, or set ADMIN_PASSWORD.\n"
                    + "================================================================");
        } else {
            LOG.info(() -> "First start: created the OWNER '" + adminUsername + "' with the configured ADMIN_PASSWORD");
        }
    }

    private boolean exists() {
        return !em.createQuery("select o.id from Organization o").setMaxResults(1).getResultList().isEmpty();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
