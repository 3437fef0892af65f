package dev.serviceaccounts.organization.boundary;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.organization.entity.CredentialPolicy;
import dev.serviceaccounts.organization.entity.Organization;
import dev.serviceaccounts.problem.Validation;
import jakarta.validation.Validator;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.Status;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

@Stateless
public class Organizations {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Validator validator;

    public OrganizationView get(Caller caller) {
        AccessPolicy.require(caller, Operation.READ_ORGANIZATION, Scope.ORGANIZATION);
        return view(organization());
    }

    public OrganizationView rename(Caller caller, Long expectedVersion, Change<String> name) {
        AccessPolicy.require(caller, Operation.MANAGE_ORGANIZATION, Scope.ORGANIZATION);
        var organization = organization();
        ETags.check(expectedVersion, organization.version());
        if (name != null) {
            String value = name.value() == null ? "" : name.value().strip();
            if (value.isEmpty() || value.length() > 200) {
                throw new ProblemException.InvalidInput("name", "must be 1 to 200 characters");
            }
            if (!value.equals(organization.name())) {
                String before = organization.name();
                organization.rename(value);
                em.flush();
                audit.record(caller, AuditAction.ORGANIZATION_UPDATED,
                        new AuditTrail.Target(TargetKind.ORGANIZATION, organization.id(), value, null),
                        Map.of("name", before + " -> " + value));
            }
        }
        return view(organization);
    }

    /**
     * The policy in force, for the server's own decisions (warnings, the console's choices);
     * null before the first start created the organization.
     */
    public CredentialPolicy policyInForce() {
        return em.createQuery("select o from Organization o", Organization.class).setMaxResults(1).getResultList().stream()
                .findFirst().map(Organization::credentialPolicy).orElse(null);
    }

    public CredentialPolicy credentialPolicy(Caller caller) {
        AccessPolicy.require(caller, Operation.READ_ORGANIZATION, Scope.ORGANIZATION);
        return organization().credentialPolicy();
    }

    public CredentialPolicy changeCredentialPolicy(Caller caller, CredentialPolicy policy) {
        AccessPolicy.require(caller, Operation.MANAGE_ORGANIZATION, Scope.ORGANIZATION);
        Validation.require(validator, policy);
        var organization = organization();
        var before = organization.credentialPolicy();
        if (!before.equals(policy)) {
            organization.changeCredentialPolicy(policy);
            em.flush();
            audit.record(caller, AuditAction.CREDENTIAL_POLICY_UPDATED,
                    new AuditTrail.Target(TargetKind.ORGANIZATION, organization.id(), organization.name(), null),
                    Map.of("before", before.toString(), "after", policy.toString()));
        }
        return policy;
    }

    private Organization organization() {
        return em.createQuery("select o from Organization o", Organization.class).getSingleResult();
    }

    private OrganizationView view(Organization organization) {
        long seats = count("select count(m) from Member m");
        long teams = count("select count(t) from Team t");
        long active = em.createQuery("select count(a) from ServiceAccount a where a.status = :status", Long.class)
                .setParameter("status", Status.ACTIVE).getSingleResult();
        long total = count("select count(a) from ServiceAccount a");
        return new OrganizationView(organization.id(), organization.name(), organization.createdAt(), seats, teams,
                new OrganizationView.ServiceAccountCounts(total, active, total - active), organization.version());
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
