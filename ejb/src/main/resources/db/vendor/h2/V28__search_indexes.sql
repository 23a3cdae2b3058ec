-- Newest first, as every list starts: lists sort and filter by the call's start, or its arrival while conversion does
-- not know the start yet; a column of its own (kept by the database) so that an index gives that order. Without it
-- H2 sorted every match, and past 40,000 rows its sort on disk failed (ear/bin/bench-search). PostgreSQL's V28 adds
-- the same column, and trigram indexes H2 does not have.
alter table recording add column sort_time timestamp with time zone generated always as (coalesce(started_at, received_at));
-- H2 reads "deleted_at is null", which every list asks, through an index that starts with deleted_at: with the order
-- after it, that index serves both (the one on deleted_at alone made H2 read and sort every row)
drop index recording_deleted;
create index recording_listed on recording (deleted_at, sort_time desc, id desc);
create index recording_pbx_listed on recording (pbx, deleted_at, sort_time desc, id desc);
create index recording_owner_listed on recording (owner, deleted_at, sort_time desc, id desc);
