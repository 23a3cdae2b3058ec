-- Failed sign-ins counted per (name tried, address it came from), so a stranger's guesses lock out the stranger,
-- not the account; the name '*' counts an address's failures over all names, and 'device:*' its failures with the
-- devices' (upload and WebDAV) credentials. The account-wide counters of V4 are no longer used.
create table sign_in_failure (
    username     varchar(255) not null,
    address      varchar(64)  not null,
    failures     integer      not null,
    locked_until timestamp with time zone,
    last_failure timestamp with time zone not null,
    primary key (username, address)
);
create index sign_in_failure_username on sign_in_failure (username);
alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
