-- Keys that sign the token service's JWTs. The private key is stored encrypted (AES-GCM) under a
-- key derived from the server key, which never enters the database.
create table signing_key (
    kid                   varchar(64) primary key,
    public_jwk            varchar(2000) not null,
    private_key_encrypted varchar(4000) not null,
    created_at            timestamp(6) with time zone not null,
    retired_at            timestamp(6) with time zone
);

-- Service accounts allowed to call the token introspection endpoint.
alter table service_account add column introspector boolean default false not null;
