/**
 * The PBXs (tenants) of the deployment: the registry of their names and domains ({@link Tenants}, {@link Tenant}), and
 * which PBX something the caller creates or changes belongs to ({@link Tenants#tenantFor}): a PBX's administrator their
 * own only, the operator any they name, registered as they name it. Every capability that keeps things per PBX asks it;
 * it needs only the shared kernel.
 */
package io.verbatim.tenancy;
