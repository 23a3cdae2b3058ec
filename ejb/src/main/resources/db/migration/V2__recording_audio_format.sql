-- The format each recording's audio was written in (output formats can change; old audio keeps its own).
alter table recording add column audio_format varchar(32);
