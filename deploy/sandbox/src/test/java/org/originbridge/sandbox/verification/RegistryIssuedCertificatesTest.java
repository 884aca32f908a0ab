package org.originbridge.sandbox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.ccpit.Application;
import org.originbridge.sandbox.ccpit.CcpitRegistry;
import org.originbridge.sandbox.ccpit.CcpitRegistryTest;
import org.originbridge.sandbox.vnmoit.VnMoitRegistry;
import org.originbridge.sandbox.web.SandboxClock;

class RegistryIssuedCertificatesTest {

    private final SandboxClock clock = SandboxClock.fixed(CcpitRegistryTest.T0);
    private final CcpitRegistry ccpit = new CcpitRegistry(clock, CcpitRegistryTest.STEP);
    private final RegistryIssuedCertificates issued =
            new RegistryIssuedCertificates(ccpit, new VnMoitRegistry(clock, Duration.ofSeconds(2)));

    @Test
    void aCertificateTheAuthorityIssuedIsKnownAndItsRevocationIsSeenAtTheDestination() {
        String id = ccpit.submit("EXP-1", "DECL-1", CcpitRegistryTest.request("DECL-1", "CO-1")).application().applicationId();
        clock.advance(CcpitRegistryTest.STEP.multipliedBy(3));
        Application application = ccpit.get("EXP-1", id);

        assertThat(issued.status("CN-CCPIT", application.certificateNumber())).isEqualTo(IssuedCertificates.Status.ISSUED);
        assertThat(issued.status("VN-MOIT", application.certificateNumber()))
                .as("another authority's number").isEqualTo(IssuedCertificates.Status.UNKNOWN);

        ccpit.revoke("EXP-1", id, "issued in error");
        assertThat(issued.status("CN-CCPIT", application.certificateNumber())).isEqualTo(IssuedCertificates.Status.REVOKED);
    }

    @Test
    void numbersOutsideEveryNumberingAndUnknownAuthoritiesAreRefused() {
        assertThat(issued.status("CN-CCPIT", "CCPIT-RCEP-2026-1")).isEqualTo(IssuedCertificates.Status.UNKNOWN);
        assertThat(issued.status("XX-NOBODY", "CCPIT-RCEP-2026-00000001")).isEqualTo(IssuedCertificates.Status.UNKNOWN);
        assertThat(issued.status(null, "CCPIT-RCEP-2026-00000001")).isEqualTo(IssuedCertificates.Status.UNKNOWN);
        assertThat(issued.status("VN-MOIT", "RCEP-VN-26-01-000001'; drop")).isEqualTo(IssuedCertificates.Status.UNKNOWN);
        assertThat(issued.status("VN-MOIT", "RCEP-VN-26-01-000042"))
                .as("the sandbox MOIT's numbering, issued by another sandbox process").isEqualTo(IssuedCertificates.Status.ISSUED);
    }
}
