package io.verbatim.settings;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks a PBX's devices upload from, as CIDR blocks ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); none
 * means anywhere. Only address literals: a host name would be looked up, and the answer is not ours to trust.
 */
final class DeviceNetworks {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Block> blocks;

    private DeviceNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException naming the entry that is no CIDR block */
    static DeviceNetworks parse(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+")).filter(e -> !e.isBlank()).toList()) {
            String[] parts = entry.split("/", -1);
            if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not a network such as 192.0.2.0/24 or 2001:db8::/32");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + entry + "' is not a network such as 192.0.2.0/24 or 2001:db8::/32");
            }
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("'" + entry + "': the prefix must be 0 to " + network.length * 8);
            }
            blocks.add(new Block(network, prefix));
        }
        return new DeviceNetworks(blocks);
    }

    /** Whether {@code address} (an address literal, as a request's remote address is) may send; any when none are set. */
    boolean allow(String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return blocks.stream().anyMatch(b -> b.contains(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
