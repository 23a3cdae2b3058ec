-- The operator's list (every PBX, newest first) read and sorted every row on H2: its condition "deleted_at is null"
-- chose the index that starts with deleted_at (V28), and H2 does not take the order from the columns after an "is
-- null". An index that starts with the order itself is read newest first and stops at a page (100,000 recordings:
-- 907 ms became a few; ear/bin/bench-search). Lists of a PBX or an owner keep theirs (V28), which their "=" leads.
drop index recording_listed;
create index recording_newest on recording (sort_time desc, id desc);
