-- Failed member sign-ins, counted per username and address and per address, so every node
-- throttles guessing alike. A row's id is a SHA-256 over what it counts, for a fixed length. The
-- row '-' is never counted: every failure is counted under its lock, so two nodes never insert the
-- same row at once.
create table sign_in_failures (
    id            varchar(64) primary key,
    failures      integer not null,
    last_failure  timestamp(6) with time zone not null,
    blocked_until timestamp(6) with time zone
);
create index ix_sign_in_failures_last_failure on sign_in_failures (last_failure);
insert into sign_in_failures (id, failures, last_failure) values ('-', 0, timestamp with time zone '1970-01-01 00:00:00+00');
