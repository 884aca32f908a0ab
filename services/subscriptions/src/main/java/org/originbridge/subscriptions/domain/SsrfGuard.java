package org.originbridge.subscriptions.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides where a webhook may go. A URL must be absolute {@code https} (plain
 * {@code http} only for an allow-listed host), without user info or fragment, at most 2048
 * characters; every address its host resolves to must be public: no loopback, unspecified,
 * private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local (169.254/16 with
 * the cloud metadata address 169.254.169.254, fe80::/10), unique-local (fc00::/7), multicast,
 * broadcast or reserved address, IPv4-mapped/compatible IPv6 judged by its IPv4 address. A host in
 * {@code allowedHosts} (exact, case-insensitive; for local use only, e.g. {@code 127.0.0.1}) skips
 * the address check. Checked at registration and again at every delivery, where the connection goes
 * to the addresses returned here (no second lookup, so no DNS rebinding).
 */
public final class SsrfGuard {

    public static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name (the JDK's resolver in production, a fake in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A refused URL or address; the message says why (safe to show the caller). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public SsrfGuard(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Checks the URL's shape only (no lookup); returns the parsed URI. */
    public URI checkShape(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new Refused("url: required, at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("url: not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            throw new Refused("url: must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("url: user info and fragments are not allowed");
        }
        boolean allowed = allowedHosts.contains(hostKey(host));
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            throw new Refused("url: must be https (http only for allow-listed hosts)");
        }
        return uri;
    }

    /** Shape and addresses: returns the checked addresses the connection must use. */
    public List<InetAddress> check(URI uri) {
        checkShape(uri.toString());
        return addressesOf(uri.getHost());
    }

    /** Resolves {@code host} and refuses it unless every address is public or the host is allow-listed. */
    public List<InetAddress> addressesOf(String host) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(stripBrackets(host));
        } catch (UnknownHostException e) {
            throw new Refused("url: host does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new Refused("url: host does not resolve");
        }
        if (allowedHosts.contains(hostKey(host))) {
            return List.copyOf(addresses);
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new Refused("url: resolves to a non-public address (" + a.getHostAddress() + ")");
            }
        }
        return List.copyOf(addresses);
    }

    private static String hostKey(String host) {
        return stripBrackets(host).toLowerCase(Locale.ROOT);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** True for a globally routable unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return publicV4(b);
        }
        if (a instanceof Inet6Address) {
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= b[i] == 0;
            }
            if (mappedOrCompatible && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return publicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return false; // 2002::/16 6to4 can embed any IPv4 address
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false; // 64:ff9b::/96 NAT64 can embed any IPv4 address
            }
            return (first & 0xe0) == 0x20; // only global unicast 2000::/3
        }
        return false;
    }

    private static boolean publicV4(byte[] b) {
        int o1 = b[0] & 0xff;
        int o2 = b[1] & 0xff;
        return !(o1 == 0 || o1 == 10 || o1 == 127 || o1 >= 224
                || (o1 == 100 && o2 >= 64 && o2 <= 127)
                || (o1 == 169 && o2 == 254)
                || (o1 == 172 && o2 >= 16 && o2 <= 31)
                || (o1 == 192 && o2 == 168)
                || (o1 == 192 && o2 == 0 && (b[2] & 0xff) == 0)
                || (o1 == 192 && o2 == 0 && (b[2] & 0xff) == 2)
                || (o1 == 198 && (o2 == 18 || o2 == 19))
                || (o1 == 198 && o2 == 51 && (b[2] & 0xff) == 100)
                || (o1 == 203 && o2 == 0 && (b[2] & 0xff) == 113));
    }
}
