-- Seals (innovaphone "watermark"): an Ed25519 signature over the audio's SHA-256 and the recording's canonical
-- metadata, made when the recording became READY (or by the seal job when sealing was enabled later).
alter table recording add column seal_signature varchar(128);
alter table recording add column sealed_at timestamp with time zone;
create index recording_unsealed on recording (sealed_at);
