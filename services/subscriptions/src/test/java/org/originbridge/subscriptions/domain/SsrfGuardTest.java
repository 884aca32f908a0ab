package org.originbridge.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** A fake DNS: names map to fixed addresses; IP literals resolve to themselves. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebind.example.com", "127.0.0.1",
            "internal.example.com", "10.1.2.3",
            "mixed.example.com", "93.184.216.34,192.168.1.1",
            "metadata.example.com", "169.254.169.254",
            "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946");

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String mapped = DNS.get(host);
        if (mapped == null) {
            if (host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        List<InetAddress> out = new java.util.ArrayList<>();
        for (String a : mapped.split(",")) {
            out.add(InetAddress.getByName(a));
        }
        return out;
    }

    private final SsrfGuard guard = new SsrfGuard(Set.of(), SsrfGuardTest::resolve);

    @Test
    void aPublicHttpsHostPassesAndItsCheckedAddressesAreReturned() {
        assertThat(guard.check(URI.create("https://hooks.example.com/originbridge")))
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        assertThat(guard.check(URI.create("https://v6.example.com:8443/x"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.1.2.3/hook", "https://10.0.0.5/hook", "https://172.16.0.1/",
            "https://192.168.0.10/", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/",
            "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/", "https://[::1]/hook",
            "https://[fe80::1]/", "https://[fd00:ec2::254]/", "https://[fc00::1]/", "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:10.0.0.1]/", "https://[ff02::1]/", "https://[::]/", "https://[2002:7f00:1::]/",
            "https://[64:ff9b::a00:1]/",
            "https://rebind.example.com/hook", "https://internal.example.com/", "https://mixed.example.com/",
            "https://metadata.example.com/", "https://unknown.example.com/"})
    void nonPublicOrUnresolvableTargetsAreRefused(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).isInstanceOf(SsrfGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "ftp://hooks.example.com/", "file:///etc/passwd",
            "https://user:pw@hooks.example.com/", "https://hooks.example.com/#frag", "/relative", "https:///nohost",
            "", "  ", "javascript:alert(1)", "https://hooks.example.com/ with space"})
    void badShapesAreRefusedBeforeAnyLookup(String url) {
        assertThatThrownBy(() -> guard.checkShape(url)).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void overlongUrlsAndNullAreRefused() {
        assertThatThrownBy(() -> guard.checkShape("https://hooks.example.com/" + "a".repeat(3000))).isInstanceOf(SsrfGuard.Refused.class);
        assertThatThrownBy(() -> guard.checkShape(null)).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void anAllowListedHostMayBeLoopbackAndPlainHttpButOnlyThatHost() {
        SsrfGuard local = new SsrfGuard(Set.of("127.0.0.1"), SsrfGuardTest::resolve);
        assertThat(local.check(URI.create("http://127.0.0.1:8999/hook"))).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThatThrownBy(() -> local.check(URI.create("http://localhost:8999/hook"))).isInstanceOf(SsrfGuard.Refused.class);
        assertThatThrownBy(() -> local.check(URI.create("https://rebind.example.com/"))).as("a name resolving to loopback")
                .isInstanceOf(SsrfGuard.Refused.class);
        assertThatThrownBy(() -> local.check(URI.create("https://127.0.0.2/"))).isInstanceOf(SsrfGuard.Refused.class);
    }
}
