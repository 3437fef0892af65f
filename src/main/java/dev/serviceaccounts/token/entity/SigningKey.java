package dev.serviceaccounts.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key pair that signs JWTs, named by its kid. The newest unretired key signs; a retired key is
 * still published until every token it signed has expired. The private key is stored encrypted.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKey.ALL, query = "select k from SigningKey k order by k.createdAt desc")
public class SigningKey {

    public static final String ALL = "SigningKey.all";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(name = "public_jwk", nullable = false, length = 2000)
    private String publicJwk;

    @Column(name = "private_key_encrypted", nullable = false, length = 4000)
    private String privateKeyEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String publicJwk, String privateKeyEncrypted, Instant createdAt) {
        this.kid = kid;
        this.publicJwk = publicJwk;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String privateKeyEncrypted() {
        return privateKeyEncrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public void retire(Instant when) {
        if (retiredAt == null) {
            retiredAt = when;
        }
    }
}
