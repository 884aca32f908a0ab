package org.originbridge.status.domain;

import java.time.Instant;
import java.util.List;

/**
 * A public verification answer in the OpenAttestation / TradeTrust style: a summary of three
 * checks (each VALID, INVALID or SKIPPED), one fragment per check with its reason, and the few
 * declaration facts a website may show. Never the importer or the full declaration.
 */
public record VerificationReport(Summary summary, List<Fragment> fragments, PublicDeclaration declaration) {

    public static final String VALID = "VALID";
    public static final String INVALID = "INVALID";
    public static final String SKIPPED = "SKIPPED";

    /** The verdicts. */
    public record Summary(String all, String documentIntegrity, String issuanceStatus, String issuerIdentity) {
    }

    /** One check with its reason. */
    public record Fragment(String type, String name, String status, String reason) {
    }

    /** What a public page may show of the declaration. */
    public record PublicDeclaration(String referenceNumber, String exporterName, String destinationCountry,
            String issuanceStatus, Instant verifiedAt) {
    }
}
