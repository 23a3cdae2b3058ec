package io.verbatim.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceNetworksTest {

    @Test
    void addressesInsideTheBlocksMaySendOthersNot() {
        DeviceNetworks networks = DeviceNetworks.parse("192.0.2.0/24, 10.1.0.0/16 2001:db8::/32");
        assertThat(networks.allow("192.0.2.77")).isTrue();
        assertThat(networks.allow("192.0.3.1")).isFalse();
        assertThat(networks.allow("10.1.255.4")).isTrue();
        assertThat(networks.allow("10.2.0.1")).isFalse();
        assertThat(networks.allow("2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(networks.allow("2001:db9::1")).isFalse();
        assertThat(networks.allow("example.com")).as("never looked up").isFalse();
    }

    @Test
    void noBlocksMeansAnywhereAndASingleAddressIsItsOwnBlock() {
        assertThat(DeviceNetworks.parse("").allow("203.0.113.9")).isTrue();
        assertThat(DeviceNetworks.parse("127.0.0.1").allow("127.0.0.1")).isTrue();
        assertThat(DeviceNetworks.parse("127.0.0.1").allow("127.0.0.2")).isFalse();
        assertThat(DeviceNetworks.parse("0.0.0.0/0").allow("198.51.100.1")).isTrue();
    }

    @Test
    void whatIsNoBlockIsNamed() {
        assertThatThrownBy(() -> DeviceNetworks.parse("192.0.2.0/33")).hasMessageContaining("'192.0.2.0/33'");
        assertThatThrownBy(() -> DeviceNetworks.parse("pbx.example.com/24")).hasMessageContaining("'pbx.example.com/24' is not a network");
        assertThatThrownBy(() -> DeviceNetworks.parse("10.0.0.0/x")).hasMessageContaining("prefix");
    }
}
