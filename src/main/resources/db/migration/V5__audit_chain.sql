-- A tamper-evident audit trail: every event is sealed into one hash chain, in the order it is
-- sealed. Events written before this migration are unsealed and are chained first, oldest first,
-- by the first sealing after the upgrade; the chain starts from the head row below.
alter table audit_event add column chain_seq bigint;
alter table audit_event add column previous_hash varchar(64);
alter table audit_event add column hash varchar(64);
create unique index uk_audit_event_chain_seq on audit_event (chain_seq);

-- The chain's head: its last sequence number and hash. Sealing locks this row, so one sealer at a
-- time appends, on one node or several. The start hash is 64 zeros.
create table audit_chain (
    id        integer primary key,
    last_seq  bigint not null,
    last_hash varchar(64) not null
);
insert into audit_chain (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
