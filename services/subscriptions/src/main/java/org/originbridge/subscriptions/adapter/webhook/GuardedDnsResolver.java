package org.originbridge.subscriptions.adapter.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.originbridge.subscriptions.domain.SsrfGuard;

/**
 * The HTTP client's only resolver: every connection's host goes through {@link SsrfGuard#addressesOf},
 * and the client connects to exactly the addresses returned (checked ones; no second lookup that a
 * rebinding DNS server could answer differently). A refused host looks unresolvable to the client.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** The guard's refusal, carried through the client as an UnknownHostException. */
    static final class RefusedHost extends UnknownHostException {
        RefusedHost(String message) {
            super(message);
        }
    }

    private final SsrfGuard guard;

    GuardedDnsResolver(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return guard.addressesOf(host).toArray(InetAddress[]::new);
        } catch (SsrfGuard.Refused e) {
            throw new RefusedHost(e.getMessage());
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never a reverse lookup: TLS checks the name the subscriber registered
    }
}
