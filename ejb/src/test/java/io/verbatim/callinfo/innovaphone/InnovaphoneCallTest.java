package io.verbatim.callinfo.innovaphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.callinfo.CallEventType;
import io.verbatim.callinfo.CallRecordData;
import io.verbatim.callinfo.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CDRs written after the structure innovaphone documents ("Concept Call Detail Record CDR PBX"): the CDRs of one
 * call's objects make one call record, whichever came first.
 */
class InnovaphoneCallTest {

    static final String CONF = "5d1a0e6a7b8c01d2a3b40090334209f2";
    static final String NEW_CONF = "77aa0e6a7b8c01d2a3b40090334209f2";

    /** Anna (201) calls Ben (202); Ben answers after 4 s, Anna hangs up after a minute. */
    static final String ANNA_CALLS_BEN = """
            <cdr id="aa01" guid="1111" sys="pbx.example" pbx="master" node="root" device="anna-phone" cn="Anna Berg" e164="201" h323="anna" dir="from" utc="1764576000">
              <user/>
              <event msg="setup-from" time="5000" e164="202" conf="%s"/>
              <event msg="alert-to" time="5001" e164="202" dn="Ben Cole" h323="ben"/>
              <event msg="conn-to" time="5004" e164="202" dn="Ben Cole" h323="ben"/>
              <event msg="rel-from" time="5064" cause="0"/>
            </cdr>""".formatted(CONF);
    static final String BEN_TAKES_ANNAS_CALL = """
            <cdr id="bb01" guid="2222" sys="pbx.example" pbx="master" node="root" device="ben-phone" cn="Ben Cole" e164="202" h323="ben" dir="to" utc="1764576000">
              <user/>
              <event msg="setup-to" time="700" e164="201" dn="Anna Berg" h323="anna" conf="%s"/>
              <event msg="alert-from" time="700" e164="201" dn="Anna Berg" h323="anna"/>
              <event msg="conn-from" time="704" e164="201" dn="Anna Berg" h323="anna"/>
              <event msg="rel-to" time="764" cause="0"/>
            </cdr>""".formatted(CONF);

    /** A customer calls in through the trunk; the queue rings Ben, Carla answers. */
    static final String TRUNK_INBOUND = """
            <cdr id="cc01" guid="3333" sys="pbx.example" pbx="master" node="root" cn="SIP trunk" e164="0" h323="trunk" dir="from" utc="1764579600">
              <user pseudo="trunk"/>
              <event msg="setup-from" time="10" e164="800" conf="%s"/>
              <event msg="alert-to" time="11" e164="800" dn="Sales" h323="sales-queue"/>
              <event msg="conn-to" time="20" e164="203" dn="Carla Diaz" h323="carla"/>
              <event msg="rel-to" time="200" cause="16"/>
            </cdr>""".formatted(CONF);
    static final String CARLA_ANSWERS = """
            <cdr id="dd01" guid="4444" sys="pbx.example" pbx="master" node="root" cn="Carla Diaz" e164="203" h323="carla" dir="to" utc="1764579605">
              <user/>
              <event msg="setup-to" time="15" type="ext" e164="004989123456" dn="Acme GmbH" conf="%s"/>
              <event msg="alert-from" time="15" type="ext" e164="004989123456" dn="Acme GmbH"/>
              <event msg="conn-from" time="20" type="ext" e164="004989123456" dn="Acme GmbH"/>
              <event msg="rel-to" time="200" cause="16"/>
            </cdr>""".formatted(CONF);
    static final String BEN_MISSES_IT = """
            <cdr id="ee01" guid="2222" sys="pbx.example" pbx="master" node="root" cn="Ben Cole" e164="202" h323="ben" dir="to" utc="1764579602">
              <user/>
              <event msg="setup-to" time="12" type="ext" e164="004989123456" dn="Acme GmbH" conf="%s"/>
              <event msg="alert-from" time="12" type="ext" e164="004989123456" dn="Acme GmbH"/>
              <event msg="rel-to" time="20" cause="26"/>
            </cdr>""".formatted(CONF);

    /** Anna calls out; after a minute she transfers the customer to Ben, which gives the call a new id. */
    static final String ANNA_CALLS_OUT_AND_TRANSFERS = """
            <cdr id="ff01" guid="1111" sys="pbx.example" pbx="master" node="root" cn="Anna Berg" e164="201" h323="anna" dir="from" utc="1764583200">
              <user/>
              <event msg="setup-from" time="1" conf="%s"/>
              <event msg="info-from" time="2" e164="0"/>
              <event msg="alert-to" time="4" type="ext" e164="0301234567"/>
              <event msg="conn-to" time="9" type="ext" e164="0301234567" dn="Erika Mustermann"/>
              <event msg="transfer-from" time="69" type="ext" e164="0301234567" conf="%s">
                <to e164="202" dn="Ben Cole" h323="ben"/>
              </event>
              <event msg="rel-from" time="69" cause="26"/>
            </cdr>""".formatted(CONF, NEW_CONF);

    static CallRecordData call(String... cdrs) {
        return InnovaphoneCall.of("pbx-a", CONF, List.of(cdrs).stream().map(InnovaphoneCdr::parse).toList());
    }

    @Test
    void anInternalCallIsTheSameWhicheverCdrCameFirst() {
        for (CallRecordData call : List.of(call(ANNA_CALLS_BEN, BEN_TAKES_ANNAS_CALL), call(BEN_TAKES_ANNAS_CALL, ANNA_CALLS_BEN))) {
            assertThat(call.direction()).isEqualTo(Direction.INTERNAL);
            assertThat(call.callId()).isEqualTo(CONF);
            assertThat(call.pbx()).isEqualTo("pbx-a");
            assertThat(List.of(call.localName(), call.localNumber(), call.remoteName(), call.remoteNumber()))
                    .containsExactly("Anna Berg", "201", "Ben Cole", "202");
            assertThat(call.start()).isEqualTo(Instant.ofEpochSecond(1764576000));
            assertThat(call.connect()).isEqualTo(Instant.ofEpochSecond(1764576004));
            assertThat(call.end()).isEqualTo(Instant.ofEpochSecond(1764576064));
            assertThat(call.events()).extracting(CallRecordData.Event::type, CallRecordData.Event::user).containsExactly(
                    tuple(CallEventType.INITIATED, "anna"), tuple(CallEventType.RINGING, "ben"), tuple(CallEventType.ANSWERED, "ben"),
                    tuple(CallEventType.ENDED, null));
        }
    }

    @Test
    void aCallThroughTheTrunkIsInboundFromTheCustomerAndAnsweredByWhoeverPickedUp() {
        CallRecordData call = call(TRUNK_INBOUND, BEN_MISSES_IT, CARLA_ANSWERS);
        assertThat(call.direction()).isEqualTo(Direction.INBOUND);
        assertThat(List.of(call.localName(), call.localNumber())).containsExactly("Carla Diaz", "203");
        assertThat(List.of(call.remoteName(), call.remoteNumber())).containsExactly("Acme GmbH", "004989123456");
        assertThat(call.events()).filteredOn(e -> e.type() == CallEventType.ANSWERED).extracting(CallRecordData.Event::user)
                .as("a trunk's own name is no user; the customer is none either").containsExactly("carla");
        assertThat(call.events()).filteredOn(e -> e.type() == CallEventType.RINGING).extracting(CallRecordData.Event::user)
                .contains("ben");

        CallRecordData trunkOnly = call(TRUNK_INBOUND);
        assertThat(trunkOnly.direction()).as("the trunk's CDR alone: it came in through the trunk").isEqualTo(Direction.INBOUND);
        assertThat(trunkOnly.events()).filteredOn(e -> e.type() == CallEventType.ANSWERED).extracting(CallRecordData.Event::user)
                .containsExactly("carla");
    }

    @Test
    void aTransferNamesTheNewCallAndWhereItWent() {
        InnovaphoneCdr cdr = InnovaphoneCdr.parse(ANNA_CALLS_OUT_AND_TRANSFERS);
        assertThat(cdr.callIds()).containsExactly(CONF, NEW_CONF);
        CallRecordData call = call(ANNA_CALLS_OUT_AND_TRANSFERS);
        assertThat(call.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(List.of(call.localName(), call.remoteName(), call.remoteNumber())).containsExactly("Anna Berg", "Erika Mustermann", "0301234567");
        assertThat(call.events()).filteredOn(e -> e.type() == CallEventType.TRANSFERRED)
                .extracting(CallRecordData.Event::number, CallRecordData.Event::name).containsExactly(tuple("202", "Ben Cole"));
        assertThat(call.events()).filteredOn(e -> e.type() == CallEventType.INITIATED).extracting(CallRecordData.Event::user)
                .containsExactly("anna");
        assertThat(call.events()).extracting(CallRecordData.Event::type).as("post-dialling is no step of the call")
                .doesNotContainNull().hasSize(5);
    }

    @Test
    void theCallATransferMadeIsToldFromTheTransferOn() {
        CallRecordData after = InnovaphoneCall.of("pbx-a", NEW_CONF, List.of(InnovaphoneCdr.parse(ANNA_CALLS_OUT_AND_TRANSFERS)));
        assertThat(after.callId()).isEqualTo(NEW_CONF);
        assertThat(after.start()).as("it began with the transfer").isEqualTo(Instant.ofEpochSecond(1764583200 + 68));
        assertThat(after.events()).extracting(CallRecordData.Event::type).as("Anna placing the first call is not this call's step")
                .doesNotContain(CallEventType.INITIATED).contains(CallEventType.TRANSFERRED);
    }

    @Test
    void aQueueIsInsideThePbxAndTheCallEndsOnceAtItsEnd() {
        String viaQueue = """
                <cdr id="qq01" cn="Sales" e164="800" h323="sales-queue" dir="to" utc="1764576000">
                  <user pseudo="waiting"/>
                  <event msg="setup-to" time="1" e164="201" dn="Anna Berg" h323="anna" conf="%s"/>
                  <event msg="conn-to" time="9" e164="202" dn="Ben Cole" h323="ben"/>
                  <event msg="rel-to" time="30"/>
                </cdr>""".formatted(CONF);
        CallRecordData call = call(viaQueue, ANNA_CALLS_BEN);
        assertThat(call.direction()).as("Anna called the sales queue: no trunk, no one outside").isEqualTo(Direction.INTERNAL);

        CallRecordData missedThenAnswered = call(TRUNK_INBOUND, BEN_MISSES_IT, CARLA_ANSWERS);
        assertThat(missedThenAnswered.events()).filteredOn(e -> e.type() == CallEventType.ENDED).extracting(CallRecordData.Event::at)
                .as("Ben's missed ring is no end of the call").containsExactly(Instant.ofEpochSecond(1764579600 + 190));
        assertThat(missedThenAnswered.end()).isEqualTo(Instant.ofEpochSecond(1764579600 + 190));
    }

    @Test
    void aCdrSentTwiceIsOneCdrEvenWithoutAnId() {
        assertThat(InnovaphoneCdr.parse(ANNA_CALLS_BEN).id()).isEqualTo("aa01");
        String old = ANNA_CALLS_BEN.replace("id=\"aa01\" ", "");
        assertThat(InnovaphoneCdr.parse(old).id()).isEqualTo(InnovaphoneCdr.parse("  " + old + "\n").id()).hasSize(32);
    }

    @Test
    void whatIsNoUsableCdrIsRefusedSayingWhy() {
        assertThatThrownBy(() -> InnovaphoneCdr.parse("LDIR_SOCK 4 TCP-Out")).hasMessageStartingWith("the CDR is not well-formed XML");
        assertThatThrownBy(() -> InnovaphoneCdr.parse("<log/>")).hasMessage("not a PBX CDR: the XML is <log>, not <cdr>");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(ANNA_CALLS_BEN.replace(" conf=\"" + CONF + "\"", "")))
                .hasMessageContaining("its first event has no conf");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(ANNA_CALLS_BEN.replace(CONF, "not-a-guid"))).hasMessageContaining("conf must be a GUID");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(ANNA_CALLS_BEN.replace("dir=\"from\"", "dir=\"up\""))).hasMessageContaining("dir must be");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(ANNA_CALLS_BEN.replace("utc=\"1764576000\"", "utc=\"yesterday\"")))
                .hasMessageContaining("utc must be a number of seconds");
        assertThatThrownBy(() -> InnovaphoneCdr.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(ANNA_CALLS_BEN.replace("utc=\"1764576000\"", "utc=\"99999999999999\"")))
                .hasMessageContaining("utc must be seconds from 1970 to 2100");
        StringBuilder manyCalls = new StringBuilder("<cdr dir=\"from\" utc=\"1764576000\"><user/>");
        for (int i = 0; i < 9; i++) {
            manyCalls.append("<event msg=\"transfer-from\" time=\"").append(i).append("\" conf=\"").append(String.format("%032x", i)).append("\"/>");
        }
        assertThatThrownBy(() -> InnovaphoneCdr.parse(manyCalls + "</cdr>")).hasMessageContaining("names 9 calls");
    }

    @Test
    void aDocumentTypeIsRefusedSoNoEntityIsEverExpanded() {
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE cdr [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + ANNA_CALLS_BEN.replace("cn=\"Anna Berg\"", "cn=\"&x;\"");
        assertThatThrownBy(() -> InnovaphoneCdr.parse(entity)).hasMessageStartingWith("the CDR is not well-formed XML")
                .hasMessageContaining("DOCTYPE");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
