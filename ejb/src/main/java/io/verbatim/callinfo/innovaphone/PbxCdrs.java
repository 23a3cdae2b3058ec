package io.verbatim.callinfo.innovaphone;

import io.verbatim.caller.Caller;
import io.verbatim.callinfo.CallRecords;
import io.verbatim.refusal.InvalidEntryException;
import io.verbatim.tenancy.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The CDRs an innovaphone PBX sends as calls end: each is filed under every call id it names, and the record of each
 * of those calls is rebuilt from all the CDRs filed for it ({@link InnovaphoneCall}), so the caller's, the callee's
 * and the trunk's CDR make one record whichever comes first, and a recording is matched whether it came before or
 * after. What cannot be used is kept with the reason ({@link RefusedCdr}).
 */
@Stateless
@PermitAll // WildFly denies unannotated methods of beans that carry security metadata
public class PbxCdrs {

    private static final Logger LOG = Logger.getLogger(PbxCdrs.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CallRecords callRecords;

    @Inject
    Caller caller;

    /** What one CDR did: the calls it named and the recordings their records matched. */
    public record Received(List<String> callIds, int recordingsMatched) {
    }

    /**
     * Files a CDR a device of {@code pbx} sent (the receiver checked the PBX and the device) and rebuilds the records
     * of the calls it names.
     *
     * @throws InvalidEntryException naming what is wrong, when the text is not a CDR Verbatim can use (nothing stored)
     */
    public Received receive(String pbx, String xml) {
        InnovaphoneCdr cdr;
        try {
            cdr = InnovaphoneCdr.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntryException(e.getMessage());
        }
        // one PBX's CDRs one at a time: a call's CDRs come together as it ends, and each rebuild must see the others
        Tenant tenant = em.createQuery("select t from Tenant t where t.name = :name", Tenant.class).setParameter("name", pbx)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        Instant now = Instant.now();
        int matched = 0;
        for (String callId : cdr.callIds()) {
            // the call's CDRs in the order they were filed; one sent again takes the place of the first
            List<InnovaphoneCdr> all = new ArrayList<>();
            boolean resent = false;
            for (PbxCdr filed : filed(tenant.getName(), callId)) {
                if (filed.getCdrId().equals(cdr.id())) {
                    filed.resent(xml, now);
                    all.add(cdr);
                    resent = true;
                } else {
                    all.add(InnovaphoneCdr.parse(filed.getXml()));
                }
            }
            if (!resent) {
                em.persist(new PbxCdr(pbx, cdr.id(), callId, xml, now));
                all.add(cdr);
            }
            matched += callRecords.store(pbx, InnovaphoneCall.of(pbx, callId, all), now).recordingsMatched();
        }
        LOG.fine(() -> "CDR " + cdr.id() + " of " + pbx + " filed for " + cdr.callIds());
        return new Received(List.copyOf(cdr.callIds()), matched);
    }

    /** Keeps what the receiver refused, with the reason, for the PBX's administrator. */
    public void keepRefused(String pbx, String sender, String reason, String body) {
        em.persist(new RefusedCdr(pbx, sender, reason, body, Instant.now()));
    }

    /** What was refused, newest first: the administrator's PBX's, or every PBX's for the operator. */
    @RolesAllowed("ADMIN")
    public List<RefusedCdr> refused(int offset, int limit) {
        String tenant = caller.signedInTenant();
        var refused = tenant == null
                ? em.createQuery("select r from RefusedCdr r order by r.receivedAt desc, r.id desc", RefusedCdr.class)
                : em.createQuery("select r from RefusedCdr r where r.pbx = :pbx order by r.receivedAt desc, r.id desc", RefusedCdr.class)
                .setParameter("pbx", tenant);
        return refused.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private List<PbxCdr> filed(String pbx, String callId) {
        return em.createQuery("select c from PbxCdr c where c.pbx = :pbx and c.callId = :callId order by c.id", PbxCdr.class)
                .setParameter("pbx", pbx).setParameter("callId", callId).getResultList();
    }
}
