-- A partial number found through an index of every four digits of search_digits (V30) instead of pg_trgm's trigrams:
-- digits have a thousand trigrams only, and every number of a PBX shares its prefix, so "71150" asked the trigram index
-- for sixteen times its matches, each read from the table to be checked; runs of four come back within a tenth of
-- the matches (ear/bin/bench-search). Plain GIN over text arrays, no extension needed. Text stays with pg_trgm: runs
-- of characters found name fragments more exactly but misled the planner for text in many calls (a surname in 3 %)
-- into collecting all of them instead of reading the newest in order.

create function verbatim_runs(t text, n int) returns text[] language sql immutable strict parallel safe as $$
    select array(select substr(t, i, n) from generate_series(1, length(t) - n + 1) i)
$$;

-- What a search asks for (RecordingCatalog): every run of four in the typed digits is among the recording's. The
-- planner inlines it, so the condition is the indexed expression itself. Only for four digits or more: an empty set of
-- runs would ask the index for every row.
create function verbatim_digits_hold(d text, wanted text) returns boolean language sql immutable parallel safe as $$
    select verbatim_runs(d, 4) @> verbatim_runs(wanted, 4)
$$;

create index recording_search_digits_runs on recording using gin (verbatim_runs(search_digits, 4));
drop index if exists recording_search_digits_trgm;
analyze recording;
