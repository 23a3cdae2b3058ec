package io.verbatim.tenancy;

import java.io.Serializable;
/** A PBX as the operator sees it: registered or only seen (in uploads or users), with its numbers of users and recordings. */
public record TenantProfile(String name, String domain, boolean registered, long users, long recordings) implements Serializable {
}
