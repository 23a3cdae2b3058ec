-- PostgreSQL keeps every text a recording is found by on the recording (its V30, for its trigram indexes); H2 has
-- no such index and finds text fastest in one pass over the columns themselves, so its columns stay empty. They exist
-- so that the recording reads the same on both.
alter table recording add column search_text varchar;
alter table recording add column search_digits varchar;
drop view recording_search_term;
