-- Owners' warnings: when a credential is about to expire or an account has gone unused, and
-- webhooks that carry those (and other) events out, through a persisted outbox.

-- The credential policy's warning horizons.
alter table organization add column credential_expiry_warning_days integer default 14 not null;
alter table organization add column credential_idle_days integer default 90 not null;

-- When each warning was given, so it is given once, by one node. Credentials that expired before
-- this migration count as noted: nobody needs a flood of old news on upgrade.
alter table credential add column expiry_warned_at timestamp(6) with time zone;
alter table credential add column expired_noted_at timestamp(6) with time zone;
update credential set expired_noted_at = expires_at where expires_at is not null and expires_at < current_timestamp;
create index ix_credential_expires_at on credential (expires_at);
alter table service_account add column idle_noted_at timestamp(6) with time zone;

create table webhook (
    id              uuid primary key,
    url             varchar(2000) not null,
    description     varchar(200),
    event_types     varchar(1000) not null,
    secret_sealed   varchar(200) not null,
    enabled         boolean not null,
    created_at      timestamp(6) with time zone not null,
    created_by_name varchar(64) not null,
    version         bigint not null
);

-- One event to one webhook: pending until answered 2xx or out of attempts. A node takes one by
-- setting lease_until (a conditional update only one node wins), so each is sent by one node at a
-- time, and a node that died mid-send leaves it to be taken again once the lease ends.
create table webhook_delivery (
    id              uuid primary key,
    webhook_id      uuid not null references webhook (id) on delete cascade,
    event_type      varchar(64) not null,
    payload         varchar(16000) not null,
    created_at      timestamp(6) with time zone not null,
    status          varchar(16) not null,
    attempts        integer not null,
    next_attempt_at timestamp(6) with time zone,
    lease_until     timestamp(6) with time zone,
    last_attempt_at timestamp(6) with time zone,
    last_status     integer
);
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_webhook on webhook_delivery (webhook_id, created_at);

create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamp(6) with time zone not null,
    status_code  integer,
    error        varchar(200),
    duration_ms  bigint not null
);
create index ix_webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
