-- Work that must happen once however many nodes start at the same moment (the first organization
-- and OWNER, the signing key) is done under a lock on one of these rows: one node does it, the
-- others wait, then find it done.
create table once_lock (
    name varchar(64) primary key
);
insert into once_lock (name) values ('first-start');
insert into once_lock (name) values ('signing-keys');
