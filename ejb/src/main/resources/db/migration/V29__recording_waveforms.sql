-- What the player draws: each party's peaks per stretch of the call, measured at conversion (a few hundred bytes; the
-- browser never fetches the audio to draw it). It goes with its recording when that is erased.
create table recording_waveform (
    recording_id   bigint  not null primary key references recording (id) on delete cascade,
    stretch_millis integer not null,
    remote_peaks   bytea   not null,
    local_peaks    bytea   not null
);
