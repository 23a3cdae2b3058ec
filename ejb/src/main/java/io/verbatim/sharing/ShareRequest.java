package io.verbatim.sharing;

/**
 * A share as asked for, in the API's names: whom to mail the link to, for how many days (default 7, at most 90), and
 * optionally a password the recipient must type (told to them some other way: the mail does not carry it).
 */
public record ShareRequest(String email, Integer expiresInDays, String password) {
}
