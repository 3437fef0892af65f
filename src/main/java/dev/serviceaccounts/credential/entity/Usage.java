package dev.serviceaccounts.credential.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How many times an account authenticated on one day (UTC). Rows are only ever added to by the
 * batch flush (a SQL merge); the application reads them and never writes them through JPA.
 */
@Entity
@Table(name = "service_account_usage")
@IdClass(Usage.Key.class)
public class Usage {

    public record Key(UUID accountId, LocalDate date) implements Serializable {
    }

    @Id
    @Column(name = "service_account_id")
    private UUID accountId;

    @Id
    @Column(name = "usage_date")
    private LocalDate date;

    private long authentications;

    protected Usage() {
    }
}
