-- A PBX's own settings (retention, device credentials, output format, ...). A setting a PBX has not set takes the
-- operator's value in the setting table, which is the default for every PBX; deployment settings live there only.
create table pbx_setting (
    pbx varchar(100) not null,
    name varchar(100) not null,
    setting_value varchar(1000),
    primary key (pbx, name)
);
