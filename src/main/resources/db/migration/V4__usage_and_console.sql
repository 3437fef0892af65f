-- Authentications per service account and day (UTC), counted in memory and added in batches.
create table service_account_usage (
    service_account_id uuid not null references service_account (id) on delete cascade,
    usage_date         date not null,
    authentications    bigint not null,
    primary key (service_account_id, usage_date)
);

-- The console sorts the account list by these.
create index ix_service_account_display_name on service_account (display_name);
create index ix_service_account_created_at on service_account (created_at);
