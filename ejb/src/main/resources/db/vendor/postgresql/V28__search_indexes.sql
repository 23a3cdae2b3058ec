-- Indexes for searching a million recordings (ear/bin/bench-search). Trigram indexes are PostgreSQL's only, and a
-- generated column is written differently in H2 (its V28).

-- Text anywhere in a term ("*mül*", a number's digits): trigram indexes. pg_trgm is a trusted extension, so the
-- database's owner may create it; where it cannot be created, searches work without these indexes, only slower.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege then
    raise warning 'pg_trgm is not available to this database user: text searches will not use indexes (ask the DBA to run: create extension pg_trgm)';
end $$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index recording_file_name_trgm on recording using gin (lower(file_name) gin_trgm_ops);
        create index recording_owner_trgm on recording using gin (lower(owner) gin_trgm_ops);
        create index recording_call_id_trgm on recording using gin (lower(call_id) gin_trgm_ops);
        create index call_record_local_name_trgm on call_record using gin (lower(local_name) gin_trgm_ops);
        create index call_record_remote_name_trgm on call_record using gin (lower(remote_name) gin_trgm_ops);
        create index call_record_local_digits_trgm on call_record using gin (lower(local_digits) gin_trgm_ops);
        create index call_record_remote_digits_trgm on call_record using gin (lower(remote_digits) gin_trgm_ops);
        create index recording_note_text_trgm on recording_note using gin (lower(note_text) gin_trgm_ops);
    end if;
end $$;

-- Newest first, as every list starts: lists sort and filter by the call's start, or its arrival while conversion does
-- not know the start yet; a column of its own (kept by the database) so that an index gives that order.
alter table recording add column sort_time timestamp with time zone generated always as (coalesce(started_at, received_at)) stored;
create index recording_newest on recording (sort_time desc, id desc) where deleted_at is null;
create index recording_pbx_newest on recording (pbx, sort_time desc, id desc) where deleted_at is null;
create index recording_owner_newest on recording (owner, sort_time desc, id desc) where deleted_at is null;
