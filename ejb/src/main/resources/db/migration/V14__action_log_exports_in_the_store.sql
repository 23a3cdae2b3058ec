-- Finished action-log exports go into the blob store like recordings, and so are encrypted at rest while a crypt
-- key is set; their key is kept here. Exports finished before this keep their file in data/exports (blob_key null).
alter table action_log_export add column blob_key varchar(120);
