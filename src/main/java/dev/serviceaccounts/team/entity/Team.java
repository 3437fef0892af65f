package dev.serviceaccounts.team.entity;

import dev.serviceaccounts.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A group of service accounts with its own administrators. Its name is unique in the organization. */
@Entity
@NamedQuery(name = Team.BY_NAME, query = "select t from Team t where lower(t.name) = lower(:name)")
public class Team {

    public static final String BY_NAME = "Team.byName";

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Team() {
    }

    public Team(String name, String description, Instant createdAt) {
        this.id = Ids.timeOrdered();
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void describe(String description) {
        this.description = description;
    }
}
