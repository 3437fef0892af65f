package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.Status;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import dev.serviceaccounts.team.boundary.TeamRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A service account as the API shows it. team is absent for an organization-level account. */
public record ServiceAccountView(UUID id, String identifier, String displayName, String description, TeamRef team,
                                 boolean globalAdmin, boolean introspector, List<RoleView> roles, Status status, Instant createdAt,
                                 CreatedBy createdBy, long version) {

    public record RoleView(UUID teamId, String teamName, TeamRole role) {
    }

    public record CreatedBy(ActorKind kind, UUID id, String name) {
        static CreatedBy of(Actor actor) {
            return new CreatedBy(actor.kind(), actor.id(), actor.name());
        }
    }

    static ServiceAccountView of(ServiceAccount account) {
        var roles = account.roles().stream()
                .map(r -> new RoleView(r.team().id(), r.team().name(), r.role()))
                .sorted(Comparator.comparing(RoleView::teamName))
                .toList();
        return new ServiceAccountView(account.id(), account.identifier(), account.displayName(), account.description(),
                TeamRef.of(account.team()), account.globalAdmin(), account.introspector(), roles, account.status(), account.createdAt(),
                CreatedBy.of(account.createdBy()), account.version());
    }
}
