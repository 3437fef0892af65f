-- Service credentials: a public key id and a keyed hash of the secret, never the secret itself.

create table credential (
    id                 uuid primary key,
    service_account_id uuid not null references service_account (id) on delete cascade,
    key_id             varchar(32) not null,
    secret_hash        varchar(64) not null,
    description        varchar(200),
    created_at         timestamp(6) with time zone not null,
    created_by_kind    varchar(16) not null,
    created_by_id      uuid,
    created_by_name    varchar(64) not null,
    expires_at         timestamp(6) with time zone,
    revoked_at         timestamp(6) with time zone,
    revoked_by_name    varchar(64),
    revoke_reason      varchar(200),
    last_used_at       timestamp(6) with time zone,
    last_used_ip       varchar(64),
    version            bigint not null,
    constraint uk_credential_key_id unique (key_id)
);
create index ix_credential_account on credential (service_account_id);

-- The organization's credential policy.
alter table organization add column credential_default_lifetime_days integer default 90 not null;
alter table organization add column credential_max_lifetime_days integer default 365 not null;
alter table organization add column credential_allow_non_expiring boolean default false not null;
alter table organization add column credential_max_active integer default 2 not null;
