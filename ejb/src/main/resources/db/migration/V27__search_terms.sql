-- Every text a recording is found by, one row per text: file name, owner, call id, the parties' names and numbers
-- (digits only, marked digits), and its notes. On PostgreSQL a search asks for the recordings with a term like the
-- pattern; the database pushes that condition into each branch, so each uses its own column's trigram index (V28).
-- All branches must give the same types (lower() gives text), or the condition is not pushed down.
create view recording_search_term (recording_id, term, digits) as
    select id, lower(file_name), false from recording
    union all select id, lower(owner), false from recording where owner is not null
    union all select id, lower(call_id), false from recording where call_id is not null
    union all select r.id, lower(c.local_name), false from recording r join call_record c on c.pbx = r.pbx and c.call_id = r.call_id where c.local_name is not null
    union all select r.id, lower(c.remote_name), false from recording r join call_record c on c.pbx = r.pbx and c.call_id = r.call_id where c.remote_name is not null
    union all select r.id, lower(c.local_digits), true from recording r join call_record c on c.pbx = r.pbx and c.call_id = r.call_id where c.local_digits is not null
    union all select r.id, lower(c.remote_digits), true from recording r join call_record c on c.pbx = r.pbx and c.call_id = r.call_id where c.remote_digits is not null
    union all select recording_id, lower(note_text), false from recording_note;

-- Conversion claims the oldest recordings of a state: without the id beside the state it walked every row.
create index recording_state_id on recording (state, id);
drop index recording_state;
