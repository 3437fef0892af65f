package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.http.MergePatch.Change;
import java.util.Set;
import java.util.UUID;

/** The fields a merge patch changes; a null field is left as it is. */
public record ServiceAccountChanges(Change<String> identifier, Change<String> displayName, Change<String> description,
                                    Change<UUID> teamId, Change<Boolean> globalAdmin, Change<Boolean> introspector) {

    public static ServiceAccountChanges of(MergePatch body) {
        var patch = body.allowing(Set.of("identifier", "displayName", "description", "teamId", "globalAdmin", "introspector"));
        return new ServiceAccountChanges(patch.string("identifier"), patch.string("displayName"),
                patch.string("description"), patch.uuid("teamId"), patch.bool("globalAdmin"), patch.bool("introspector"));
    }
}
