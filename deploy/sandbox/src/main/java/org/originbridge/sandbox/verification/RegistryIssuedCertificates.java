package org.originbridge.sandbox.verification;

import org.originbridge.sandbox.ccpit.ApplicationStatus;
import org.originbridge.sandbox.ccpit.CcpitRegistry;
import org.originbridge.sandbox.vnmoit.DossierState;
import org.originbridge.sandbox.vnmoit.VnMoitRegistry;
import org.springframework.stereotype.Component;

/**
 * What the destination channels know of issued certificates, read from the sandbox's own issuing
 * authorities (the exchange of e-CO data between authorities, played in one process): a certificate
 * is ISSUED only if that authority issued that number, REVOKED once the authority revoked it, and
 * otherwise falls back to {@link NumberingIssuedCertificates} (a number in the authority's numbering that this
 * sandbox process did not issue: tests that publish issuance facts of their own). A number outside every
 * numbering is UNKNOWN and refused.
 */
@Component
public class RegistryIssuedCertificates implements IssuedCertificates {

    private final CcpitRegistry ccpit;
    private final VnMoitRegistry vnMoit;
    private final IssuedCertificates numbering = new NumberingIssuedCertificates();

    public RegistryIssuedCertificates(CcpitRegistry ccpit, VnMoitRegistry vnMoit) {
        this.ccpit = ccpit;
        this.vnMoit = vnMoit;
    }

    @Override
    public Status status(String issuingAuthority, String certificateNumber) {
        if (issuingAuthority == null || certificateNumber == null) {
            return Status.UNKNOWN;
        }
        Status known = switch (issuingAuthority) {
            case "CN-CCPIT" -> ccpit.certificateStatus(certificateNumber)
                    .map(s -> s == ApplicationStatus.REVOKED ? Status.REVOKED : Status.ISSUED).orElse(Status.UNKNOWN);
            case "VN-MOIT" -> vnMoit.certificateStatus(certificateNumber)
                    .map(s -> s == DossierState.REVOKED ? Status.REVOKED : Status.ISSUED).orElse(Status.UNKNOWN);
            default -> Status.UNKNOWN;
        };
        return known != Status.UNKNOWN ? known : numbering.status(issuingAuthority, certificateNumber);
    }
}
