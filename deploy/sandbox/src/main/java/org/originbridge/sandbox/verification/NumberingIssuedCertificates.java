package org.originbridge.sandbox.verification;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sandbox's stand-in for the authorities' records: a certificate is known as issued when its
 * number follows its issuing authority's numbering ({@code CN-CCPIT}: {@code CCPIT-RCEP-<year>-<8 digits>},
 * as the sandbox CCPIT issues them; {@code VN-MOIT}: {@code RCEP-VN-<yy>-<nn>-<6 digits>} as the sandbox
 * MOIT issues them, or a number containing {@code MOIT} and ending in digits), and revoked when it starts with {@code REVOKED}. Any other authority, or a number outside
 * its numbering, is UNKNOWN: the channel refuses to verify it.
 */
public class NumberingIssuedCertificates implements IssuedCertificates {

    static final Map<String, Pattern> NUMBERING = Map.of(
            "CN-CCPIT", Pattern.compile("CCPIT-RCEP-\\d{4}-\\d{8}"),
            "VN-MOIT", Pattern.compile("RCEP-VN-\\d{2}-\\d{2}-\\d{6}|[A-Z0-9-]*MOIT[A-Z0-9-]*\\d"));

    @Override
    public Status status(String issuingAuthority, String certificateNumber) {
        if (certificateNumber == null || issuingAuthority == null) {
            return Status.UNKNOWN;
        }
        if (certificateNumber.startsWith("REVOKED")) {
            return Status.REVOKED;
        }
        Pattern numbering = NUMBERING.get(issuingAuthority);
        return numbering != null && numbering.matcher(certificateNumber).matches() ? Status.ISSUED : Status.UNKNOWN;
    }
}
