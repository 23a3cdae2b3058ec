package io.verbatim.directory;

/** What a person may do; the names are also the security roles of the application. */
public enum Role {
    ADMIN, SUPERVISOR, USER, COMPLIANCE
}
