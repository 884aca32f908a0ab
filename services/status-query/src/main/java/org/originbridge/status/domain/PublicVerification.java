package org.originbridge.status.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.originbridge.status.domain.VerificationReport.Fragment;
import org.originbridge.status.domain.VerificationReport.PublicDeclaration;
import org.originbridge.status.domain.VerificationReport.Summary;

/**
 * Decides a public verification from what the read model holds. Document integrity: the presented
 * verification code is a valid signed code AND is the very code asw-verification issued for this
 * declaration AND ASW found the document unaltered. Issuer identity: ASW's check. Issuance
 * status: INVALID with the reason when the latest verification is a revocation (NOT_VERIFIED with the
 * issuance check INVALID, e.g. "revoked by ASW-MY"); else CCPIT's issuance status when the declaration
 * goes through CCPIT, else ASW's check.
 */
public final class PublicVerification {

    static final String TYPE_INTEGRITY = "DOCUMENT_INTEGRITY";
    static final String TYPE_STATUS = "DOCUMENT_STATUS";
    static final String TYPE_ISSUER = "ISSUER_IDENTITY";
    private static final Set<String> FAILED_ISSUANCE = Set.of("REVOKED", "REJECTED", "FAILED");
    private static final String CODE_CHECK = "OriginBridgeVerificationCode";
    /** One reason for an unknown reference, a declaration without a code and a code of another declaration. */
    public static final String NO_MATCH = "the code does not match a verified declaration with this reference number";

    private PublicVerification() {
    }

    /** The answer when the integrity check fails before a declaration is looked at (same shape as {@link #decide}). */
    public static VerificationReport refused(String referenceNumber, String reason) {
        List<Fragment> fragments = new ArrayList<>(3);
        fragments.add(new Fragment(TYPE_INTEGRITY, CODE_CHECK, VerificationReport.INVALID, reason));
        skipRest(fragments);
        return report(fragments, new PublicDeclaration(referenceNumber, null, null, null, null));
    }

    private static void skipRest(List<Fragment> fragments) {
        String reason = "not checked: the document's integrity could not be established";
        fragments.add(new Fragment(TYPE_STATUS, "IssuanceStatus", VerificationReport.SKIPPED, reason));
        fragments.add(new Fragment(TYPE_ISSUER, "AswIssuerIdentity", VerificationReport.SKIPPED, reason));
    }

    public static VerificationReport decide(DeclarationProjection declaration, String presentedCode,
            TokenCheck.Result codeCheck) {
        VerificationRecord verification = declaration.verification();
        String referenceNumber = declaration.referenceNumber();
        List<Fragment> fragments = new ArrayList<>(3);

        Fragment integrity = integrity(verification, presentedCode, codeCheck);
        fragments.add(integrity);
        if (!VerificationReport.VALID.equals(integrity.status())) {
            skipRest(fragments);
            return report(fragments, new PublicDeclaration(referenceNumber, null, null, null, null));
        }
        fragments.add(issuanceStatus(declaration));
        fragments.add(fromAsw(TYPE_ISSUER, "AswIssuerIdentity", verification.issuerIdentity()));
        DeclarationData data = declaration.declaration();
        String exporterName = data == null || data.exporter() == null ? null : data.exporter().name();
        String issuanceStatus = declaration.issuance() == null ? null : declaration.issuance().status();
        return report(fragments, new PublicDeclaration(referenceNumber, exporterName, declaration.destinationCountry(),
                issuanceStatus, verification.verifiedAt()));
    }

    private static Fragment integrity(VerificationRecord verification, String presentedCode, TokenCheck.Result codeCheck) {
        String name = CODE_CHECK;
        if (!codeCheck.valid()) {
            return new Fragment(TYPE_INTEGRITY, name, VerificationReport.INVALID,
                    "verification code refused: " + codeCheck.reason());
        }
        if (verification == null || verification.verificationCode() == null) {
            return new Fragment(TYPE_INTEGRITY, name, VerificationReport.INVALID, NO_MATCH);
        }
        if (!MessageDigest.isEqual(presentedCode.getBytes(StandardCharsets.UTF_8),
                verification.verificationCode().getBytes(StandardCharsets.UTF_8))) {
            return new Fragment(TYPE_INTEGRITY, name, VerificationReport.INVALID, NO_MATCH);
        }
        VerificationRecord.Check asw = verification.documentIntegrity();
        if (asw != null && VerificationReport.INVALID.equals(asw.status())) {
            return new Fragment(TYPE_INTEGRITY, name, VerificationReport.INVALID, asw.reason());
        }
        return new Fragment(TYPE_INTEGRITY, name, VerificationReport.VALID,
                "signed verification code matches the one issued after ASW verification"
                        + (verification.documentHash() == null ? "" : " of document SHA-256 " + verification.documentHash()));
    }

    private static Fragment issuanceStatus(DeclarationProjection declaration) {
        VerificationRecord verification = declaration.verification();
        if (verification != null && "NOT_VERIFIED".equals(verification.outcome()) && verification.issuanceStatus() != null
                && VerificationReport.INVALID.equals(verification.issuanceStatus().status())) {
            // the destination channel (or the issuing authority through it) revoked what it had verified:
            // the latest verification says so, whatever the issuance record still says
            return new Fragment(TYPE_STATUS, "DestinationIssuanceStatus", VerificationReport.INVALID,
                    verification.reason() != null ? verification.reason() : verification.issuanceStatus().reason());
        }
        IssuanceRecord issuance = declaration.issuance();
        if (issuance == null) {
            return fromAsw(TYPE_STATUS, "AswIssuanceStatus", declaration.verification().issuanceStatus());
        }
        String name = "CcpitIssuanceStatus";
        if (IssuanceRecord.ISSUED.equals(issuance.status())) {
            return new Fragment(TYPE_STATUS, name, VerificationReport.VALID,
                    "e-CO " + (issuance.certificateNumber() == null ? "" : issuance.certificateNumber() + " ")
                            + "issued and not revoked");
        }
        if (FAILED_ISSUANCE.contains(issuance.status())) {
            return new Fragment(TYPE_STATUS, name, VerificationReport.INVALID,
                    "e-CO " + issuance.status().toLowerCase() + (issuance.reason() == null ? "" : ": " + issuance.reason()));
        }
        return new Fragment(TYPE_STATUS, name, VerificationReport.SKIPPED,
                "e-CO not issued yet (status " + issuance.status() + ")");
    }

    private static Fragment fromAsw(String type, String name, VerificationRecord.Check check) {
        if (check == null || check.status() == null) {
            return new Fragment(type, name, VerificationReport.SKIPPED, "not reported by ASW");
        }
        return new Fragment(type, name, check.status(), check.reason());
    }

    private static VerificationReport report(List<Fragment> fragments, PublicDeclaration declaration) {
        String integrity = statusOf(fragments, TYPE_INTEGRITY);
        String issuance = statusOf(fragments, TYPE_STATUS);
        String issuer = statusOf(fragments, TYPE_ISSUER);
        String all;
        if (fragments.stream().anyMatch(f -> VerificationReport.INVALID.equals(f.status()))) {
            all = VerificationReport.INVALID;
        } else if (fragments.stream().allMatch(f -> VerificationReport.VALID.equals(f.status()))) {
            all = VerificationReport.VALID;
        } else {
            all = VerificationReport.SKIPPED;
        }
        return new VerificationReport(new Summary(all, integrity, issuance, issuer), List.copyOf(fragments), declaration);
    }

    private static String statusOf(List<Fragment> fragments, String type) {
        return fragments.stream().filter(f -> f.type().equals(type)).map(Fragment::status).findFirst()
                .orElse(VerificationReport.SKIPPED);
    }
}
