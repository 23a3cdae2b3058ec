-- Encryption at rest: the key ring. Each crypt key an administrator sets becomes an entry with its own id; its
-- data key (a Tink AES-256-GCM-HKDF streaming keyset) is stored encrypted by the server's master key. Older entries
-- stay, so recordings written with them stay readable; at most one is active (none: new files are written plain).
create table crypt_key (
    id               varchar(16)   primary key,
    created_at       timestamp with time zone not null,
    created_by       varchar(255)  not null,
    fingerprint      varchar(255)  not null,
    encrypted_keyset varchar(4000) not null,
    active           boolean       not null
);

-- Keys of encrypted blobs name their crypt key: enc:<key id>:sha256:<hex of the stored bytes>.
alter table recording alter column original_key set data type varchar(120);
alter table recording alter column audio_key set data type varchar(120);
alter table quarantined_capture alter column blob_key set data type varchar(120);
-- The audio's own SHA-256 (what seals sign); no longer readable from its key once that is encrypted.
alter table recording add column audio_sha256 varchar(64);
update recording set audio_sha256 = substring(audio_key, 8) where audio_key like 'sha256:%';
