-- Every text a recording is found by, kept on the recording itself: its file name, owner and call id, the parties'
-- names and its notes in search_text (lower case, a line each), the parties' numbers (digits only) in search_digits. A search for text that
-- thousands of calls hold then reads the newest recordings in order and stops at a page, instead of collecting every
-- match through the view recording_search_term (V27) and sorting them (ear/bin/bench-search). The database keeps both
-- columns (triggers below), whatever writes the recording, its call record or its notes.

alter table recording add column search_text text;
alter table recording add column search_digits text;

create function verbatim_search_text(p_id bigint, p_pbx varchar, p_call_id varchar, p_file_name varchar, p_owner varchar)
    returns text language sql stable as $$
    -- a line each, the first and last too: a wildcard search ("acme*gmbh") is anchored at a text's start and end
    select E'\n' || concat_ws(E'\n', lower(p_file_name), lower(p_owner), lower(p_call_id),
        (select concat_ws(E'\n', lower(c.local_name), lower(c.remote_name)) from call_record c
            where c.pbx = p_pbx and c.call_id = p_call_id),
        (select string_agg(lower(n.note_text), E'\n' order by n.id) from recording_note n where n.recording_id = p_id)) || E'\n'
$$;

create function verbatim_search_digits(p_pbx varchar, p_call_id varchar) returns text language sql stable as $$
    select nullif(concat_ws(' ', c.local_digits, c.remote_digits), '') from call_record c where c.pbx = p_pbx and c.call_id = p_call_id
$$;

-- a recording written, renamed, given to another owner, matched to another call
create function verbatim_recording_search() returns trigger language plpgsql as $$
begin
    new.search_text := verbatim_search_text(new.id, new.pbx, new.call_id, new.file_name, new.owner);
    new.search_digits := verbatim_search_digits(new.pbx, new.call_id);
    return new;
end $$;
create trigger recording_search_new before insert on recording for each row execute function verbatim_recording_search();
-- the application writes every column of a recording it changes: only a change of these is one
create trigger recording_search_changed before update of pbx, call_id, file_name, owner on recording for each row
    when (old.pbx is distinct from new.pbx or old.call_id is distinct from new.call_id or old.file_name is distinct from new.file_name
          or old.owner is distinct from new.owner)
    execute function verbatim_recording_search();

-- a call record arriving or changing: every recording of that call (a hold or transfer makes several)
create function verbatim_call_record_search() returns trigger language plpgsql as $$
declare
    call record;
begin
    for call in select distinct pbx, call_id from (select old.pbx, old.call_id where tg_op <> 'INSERT'
                                                    union all select new.pbx, new.call_id where tg_op <> 'DELETE') changed loop
        update recording r set search_text = verbatim_search_text(r.id, r.pbx, r.call_id, r.file_name, r.owner),
                               search_digits = verbatim_search_digits(r.pbx, r.call_id)
            where r.call_id = call.call_id and r.pbx = call.pbx;
    end loop;
    return null;
end $$;
create trigger call_record_search_new after insert or delete on call_record for each row execute function verbatim_call_record_search();
create trigger call_record_search_changed after update of pbx, call_id, local_name, remote_name, local_digits, remote_digits on call_record
    for each row when (old.pbx is distinct from new.pbx or old.call_id is distinct from new.call_id
                       or old.local_name is distinct from new.local_name or old.remote_name is distinct from new.remote_name
                       or old.local_digits is distinct from new.local_digits or old.remote_digits is distinct from new.remote_digits)
    execute function verbatim_call_record_search();

-- a note written, edited or removed
create function verbatim_note_search() returns trigger language plpgsql as $$
begin
    update recording r set search_text = verbatim_search_text(r.id, r.pbx, r.call_id, r.file_name, r.owner)
        where r.id in (select old.recording_id where tg_op <> 'INSERT' union select new.recording_id where tg_op <> 'DELETE');
    return null;
end $$;
create trigger recording_note_search after insert or delete or update of recording_id, note_text on recording_note
    for each row execute function verbatim_note_search();

-- the recordings there are (about a minute a million on the development machine)
update recording r set search_text = verbatim_search_text(r.id, r.pbx, r.call_id, r.file_name, r.owner),
                       search_digits = verbatim_search_digits(r.pbx, r.call_id);

-- one trigram index a column replaces the per-text ones of V28 and the view
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index recording_search_text_trgm on recording using gin (search_text gin_trgm_ops);
        create index recording_search_digits_trgm on recording using gin (search_digits gin_trgm_ops);
    end if;
end $$;
drop index if exists recording_file_name_trgm;
drop index if exists recording_owner_trgm;
drop index if exists recording_call_id_trgm;
drop index if exists call_record_local_name_trgm;
drop index if exists call_record_remote_name_trgm;
drop index if exists call_record_local_digits_trgm;
drop index if exists call_record_remote_digits_trgm;
drop index if exists recording_note_text_trgm;
drop view recording_search_term;
-- the planner's picture of the new columns, so that it chooses between the index and reading newest first
analyze recording;
