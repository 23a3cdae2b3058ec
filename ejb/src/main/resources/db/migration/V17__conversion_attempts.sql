-- How often conversion has claimed a recording: a capture that takes the server down with it (or hangs it until a
-- restart) is claimed again after each start, and is given up as FAILED after a few attempts instead of for ever.
alter table recording add column conversion_attempts integer default 0 not null;
