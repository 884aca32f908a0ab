package org.originbridge.sandbox.issuing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's test trigger for a certificate that differs from its application (a real authority may amend
 * what it certifies): when the exporter's CO reference number contains {@value #AMEND_HS}, the issuing authority
 * (CN-CCPIT and VN-MOIT alike) issues the certificate with the HS code of the last goods item changed in its
 * subheading (last two digits: 8504.40 becomes 8504.90; a code ending in 90 becomes ..10), so a consistency
 * discrepancy can be shown end to end. Any other reference is issued exactly as applied for.
 */
public final class Amendments {

    public static final String AMEND_HS = "AMEND-HS";

    private Amendments() {}

    static CertificateXml.Certificate apply(CertificateXml.Certificate c) {
        if (c.exporterReference() == null || !c.exporterReference().toUpperCase(Locale.ROOT).contains(AMEND_HS)
                || c.goods() == null || c.goods().isEmpty()) {
            return c;
        }
        List<AnnexContent.Item> goods = new ArrayList<>(c.goods());
        AnnexContent.Item last = goods.get(goods.size() - 1);
        goods.set(goods.size() - 1, new AnnexContent.Item(last.itemNumber(), last.description(), amended(last.hsCode()),
                last.originCriterion(), last.originCountry(), last.quantity(), last.quantityUnit(), last.grossWeightKg(),
                last.fobValue()));
        return new CertificateXml.Certificate(c.issuingAuthority(), c.certificateNumber(), c.serialNumber(),
                c.verificationCode(), c.issuedAt(), c.declarationId(), c.exporterReference(), c.exporter(), c.producer(),
                c.consignee(), c.importingCountry(), c.transport(), List.copyOf(goods), c.remarks());
    }

    static String amended(String hsCode) {
        if (hsCode == null || hsCode.length() < 2) {
            return hsCode;
        }
        String head = hsCode.substring(0, hsCode.length() - 2);
        return head + (hsCode.endsWith("90") ? "10" : "90");
    }
}
