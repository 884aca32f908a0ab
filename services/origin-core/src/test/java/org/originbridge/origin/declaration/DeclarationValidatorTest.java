package org.originbridge.origin.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

class DeclarationValidatorTest {
    private final DeclarationValidator validator = new DeclarationValidator(
            Clock.fixed(Declarations.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private static Declaration.GoodsItem item(String hs, String criterion, String country, BigDecimal qty, String unit,
                                  BigDecimal fob, String currency) {
        return Declarations.goodsItem(1, "Oak dining table", hs, criterion, country, qty, unit, fob, currency, null);
    }

    private static Arguments c(String name, Consumer<Declarations> change, String field, String code, String message) {
        return Arguments.of(name, change, field, code, message);
    }

    static Stream<Arguments> oneProblemEach() {
        return Stream.of(
                c("no proof type", d -> d.documentType = null, "documentType", ErrorCodes.REQUIRED, "proof type is required"),
                c("no reference", d -> d.referenceNumber = " ", "referenceNumber", ErrorCodes.REQUIRED, "(e) the reference number"),
                c("no issue date", d -> d.issueDate = null, "issueDate", ErrorCodes.REQUIRED, "issue date is required"),
                c("issued tomorrow", d -> d.issueDate = Declarations.TODAY.plusDays(1), "issueDate",
                        ErrorCodes.DATE_IN_FUTURE, "2026-06-16 is in the future (today is 2026-06-15)"),
                c("expired", d -> d.issueDate = Declarations.TODAY.minusYears(1).minusDays(1), "issueDate",
                        ErrorCodes.VALIDITY_EXPIRED, "expired on 2026-06-14"),
                c("no exporter address", d -> d.exporter = Declarations.party("X", ""), "exporter.address", ErrorCodes.REQUIRED,
                        "(a) exporter address"),
                c("producer without name", d -> d.producer = Declarations.party(null, "somewhere"), "producer.name",
                        ErrorCodes.REQUIRED, "(b) producer name"),
                c("no importer", d -> d.importer = null, "importer", ErrorCodes.REQUIRED, "(c) importer or consignee"),
                c("no importer name", d -> d.importer = Declarations.party(null, "addr"), "importer.name", ErrorCodes.REQUIRED,
                        "(c) importer or consignee name"),
                c("exporting party not RCEP", d -> d.exporterCountry = "US", "exporter.country", ErrorCodes.NOT_RCEP_PARTY,
                        "the exporting Party: 'US' is not an RCEP Party"),
                c("destination not RCEP", d -> d.destinationCountry = "IN", "destinationCountry", ErrorCodes.NOT_RCEP_PARTY,
                        "the destination: 'IN' is not an RCEP Party"),
                c("destination not a country", d -> d.destinationCountry = "XX", "destinationCountry", ErrorCodes.INVALID_COUNTRY,
                        "not an ISO 3166-1 alpha-2"),
                c("no destination", d -> d.destinationCountry = null, "destinationCountry", ErrorCodes.REQUIRED,
                        "the destination is required"),
                c("destination = origin Party", d -> d.destinationCountry = "CN", "destinationCountry", ErrorCodes.SAME_PARTY,
                        "other than the exporting Party CN"),
                c("no consignment", d -> d.consignment = null, "consignment", ErrorCodes.REQUIRED, "(j) consignment details"),
                c("no invoice", d -> d.consignment = Declarations.consignment(null, null, Declarations.TODAY, "V", null, "VNCMT"),
                        "consignment.invoiceNumber", ErrorCodes.REQUIRED, "(j) the invoice number"),
                c("no departure", d -> d.consignment = Declarations.consignment("I", null, null, "V", null, "VNCMT"),
                        "consignment.departureDate", ErrorCodes.REQUIRED, "(j) the departure date"),
                c("no vessel", d -> d.consignment = Declarations.consignment("I", null, Declarations.TODAY, "", null, "VNCMT"),
                        "consignment.vesselOrFlight", ErrorCodes.REQUIRED, "(j) the vessel name or flight number"),
                c("no port of discharge", d -> d.consignment = Declarations.consignment("I", null, Declarations.TODAY, "V", null, null),
                        "consignment.portOfDischarge", ErrorCodes.REQUIRED, "(j) the port of discharge"),
                c("bad port of discharge", d -> d.consignment = Declarations.consignment("I", null, Declarations.TODAY, "V", null, "VNCM"),
                        "consignment.portOfDischarge", ErrorCodes.INVALID_LOCODE, "must be 5 characters"),
                c("bad port of loading", d -> d.consignment = Declarations.consignment("I", null, Declarations.TODAY, "V", "C1SHA", "VNCMT"),
                        "consignment.portOfLoading", ErrorCodes.INVALID_LOCODE, "2-letter country code"),
                c("no goods", d -> d.goods = List.of(), "goods", ErrorCodes.REQUIRED, "at least one goods item"),
                c("no description", d -> d.goods = List.of(Declarations.goodsItem(1, null, "940360", "CTH", "CN", BigDecimal.ONE,
                        "PCE", null, null, null)), "goods[0].description", ErrorCodes.REQUIRED, "(d) the description"),
                c("no HS", d -> d.goods = List.of(item(null, "CTH", "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].hsCode", ErrorCodes.REQUIRED, "(d) the 6-digit HS code"),
                c("4-digit HS", d -> d.goods = List.of(item("9403", "CTH", "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].hsCode", ErrorCodes.INVALID_HS_CODE, "has 4 digits"),
                c("no criterion", d -> d.goods = List.of(item("940360", null, "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].originCriterion", ErrorCodes.REQUIRED, "(f) the origin conferring criterion"),
                c("bad criterion", d -> d.goods = List.of(item("940360", "CTH XYZ", "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].originCriterion", ErrorCodes.INVALID_FORMAT, "unknown token 'XYZ'"),
                c("origin country not RCEP", d -> d.goods = List.of(item("940360", "CTH", "US", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].originCountry", ErrorCodes.NOT_RCEP_PARTY, "(i) RCEP country of origin: 'US' is not an RCEP Party"),
                c("no origin country", d -> d.goods = List.of(item("940360", "CTH", null, BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].originCountry", ErrorCodes.REQUIRED, "(i) RCEP country of origin is required"),
                c("no quantity", d -> d.goods = List.of(item("940360", "CTH", "CN", null, "PCE", null, null)),
                        "goods[0].quantity", ErrorCodes.REQUIRED, "(l) the quantity and its unit"),
                c("zero quantity", d -> d.goods = List.of(item("940360", "CTH", "CN", BigDecimal.ZERO, "PCE", null, null)),
                        "goods[0].quantity", ErrorCodes.INVALID_AMOUNT, "must be positive"),
                c("FOB missing for RVC", d -> d.goods = List.of(item("940360", "RVC40", "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].fobValue", ErrorCodes.FOB_REQUIRED_FOR_RVC, "(k) the FOB value is required because the RVC criterion 'RVC40'"),
                c("FOB missing for bare RVC with ACU", d -> d.goods = List.of(item("940360", "RVC ACU", "CN", BigDecimal.ONE, "PCE", null, null)),
                        "goods[0].fobValue", ErrorCodes.FOB_REQUIRED_FOR_RVC, "(k)"),
                c("FOB not positive", d -> d.goods = List.of(item("940360", "RVC40", "CN", BigDecimal.ONE, "PCE",
                        new BigDecimal("0.00"), "USD")), "goods[0].fobValue", ErrorCodes.INVALID_AMOUNT, "must be positive"),
                c("FOB without currency", d -> d.goods = List.of(item("940360", "RVC40", "CN", BigDecimal.ONE, "PCE",
                        BigDecimal.TEN, null)), "goods[0].fobValue.currency", ErrorCodes.REQUIRED, "ISO 4217 currency"),
                c("FOB bad currency", d -> d.goods = List.of(item("940360", "RVC40", "CN", BigDecimal.ONE, "PCE",
                        BigDecimal.TEN, "ZZZ")), "goods[0].fobValue.currency", ErrorCodes.INVALID_CURRENCY, "not an ISO 4217 code"),
                c("negative gross weight", d -> d.goods = List.of(Declarations.goodsItem(1, "t", "940360", "CTH", "CN", BigDecimal.ONE,
                        "PCE", null, null, new BigDecimal("-1"))), "goods[0].grossWeightKg", ErrorCodes.INVALID_AMOUNT, "negative"),
                c("no exporter declaration", d -> d.exporterDeclaration = null, "exporterDeclaration", ErrorCodes.REQUIRED,
                        "(g) the declaration by the exporter or producer"),
                c("no declarant", d -> d.exporterDeclaration = Declarations.exporterDeclaration("", "x", Declarations.TODAY),
                        "exporterDeclaration.signatoryName", ErrorCodes.REQUIRED, "(g) the declarant's name"),
                c("declared tomorrow", d -> d.exporterDeclaration = Declarations.exporterDeclaration("Li", "x", Declarations.TODAY.plusDays(1)),
                        "exporterDeclaration.date", ErrorCodes.DATE_IN_FUTURE, "in the future"),
                c("no declaration date", d -> d.exporterDeclaration = Declarations.exporterDeclaration("Li", "x", null),
                        "exporterDeclaration.date", ErrorCodes.REQUIRED, "(g) the date"),
                c("CO without issuing body", d -> d.certification = Declarations.certification(null, "Zhang", true, null),
                        "certification.issuingBody", ErrorCodes.CERTIFICATION_REQUIRED, "(h) the issuing body"),
                c("CO without signature", d -> d.certification = Declarations.certification("CCPIT", " ", true, null),
                        "certification.authorisedSignatory", ErrorCodes.CERTIFICATION_REQUIRED, "(h) the authorised signature"),
                c("CO without seal", d -> d.certification = Declarations.certification("CCPIT", "Zhang", false, null),
                        "certification.officialSealReference", ErrorCodes.CERTIFICATION_REQUIRED, "(h) the official seal"),
                c("DO without approved exporter code", d -> {
                    d.documentType = Declaration.ProofOfOriginType.DECLARATION_OF_ORIGIN;
                    d.certification = null;
                }, "approvedExporterCode", ErrorCodes.APPROVED_EXPORTER_CODE_REQUIRED,
                        "a Declaration of Origin must carry the approved exporter code"),
                c("back-to-back without reference", d -> d.backToBack = new Declaration.BackToBackDetails(null, Declarations.TODAY.minusDays(30), "VN", null),
                        "backToBack.originalProofReference", ErrorCodes.BACK_TO_BACK_INCOMPLETE, "original proof of origin's reference number"),
                c("back-to-back without original date", d -> d.backToBack = new Declaration.BackToBackDetails("R", null, "VN", null),
                        "backToBack.originalIssueDate", ErrorCodes.BACK_TO_BACK_INCOMPLETE, "original proof of origin's issue date"),
                c("back-to-back without first origin", d -> d.backToBack = new Declaration.BackToBackDetails("R", Declarations.TODAY.minusDays(30), " ", null),
                        "backToBack.firstExportingPartyCountry", ErrorCodes.BACK_TO_BACK_INCOMPLETE, "first exporting Party's RCEP country of origin"),
                c("back-to-back first origin not RCEP", d -> d.backToBack = new Declaration.BackToBackDetails("R", Declarations.TODAY.minusDays(30), "US", null),
                        "backToBack.firstExportingPartyCountry", ErrorCodes.NOT_RCEP_PARTY, "'US' is not an RCEP Party"),
                c("back-to-back original after this proof", d -> d.backToBack = new Declaration.BackToBackDetails("R", Declarations.TODAY.minusDays(5), "VN", null),
                        "backToBack.originalIssueDate", ErrorCodes.DATE_ORDER, "cannot be issued after the back-to-back proof"),
                c("back-to-back original expired", d -> {
                    d.issueDate = Declarations.TODAY.minusDays(20);
                    d.backToBack = new Declaration.BackToBackDetails("R", Declarations.TODAY.minusYears(1).minusDays(1), "VN", null);
                }, "backToBack.originalIssueDate", ErrorCodes.VALIDITY_EXPIRED, "a back-to-back proof cannot outlive it"));
    }

    @Test
    void noExporterIsTwoProblemsSinceTheExportingPartyIsTheExportersCountry() {
        Declarations d = Declarations.co();
        d.exporter = null;
        assertThat(validator.validate(d.build()).errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("exporter", ErrorCodes.REQUIRED), tuple("exporter.country", ErrorCodes.REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneProblemEach")
    void reportsEachProblemWithFieldCodeAndMessage(String name, Consumer<Declarations> change, String field, String code,
                                                   String message) {
        Declarations d = Declarations.co();
        change.accept(d);
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).as(name).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void validCertificateOfOriginHasNoErrors() {
        assertThat(validator.validate(Declarations.co().build()).errors()).isEmpty();
    }

    @Test
    void validDeclarationOfOriginNeedsNoCertification() {
        assertThat(validator.validate(Declarations.declarationOfOrigin().build()).isValid()).isTrue();
    }

    @Test
    void validBackToBack() {
        Declaration d = Declarations.co().backToBack().build();
        assertThat(d.isBackToBack()).isTrue();
        assertThat(validator.validate(d).isValid()).isTrue();
    }

    @Test
    void stillValidOnTheAnniversaryAndExpiredTheDayAfter() {
        Declarations d = Declarations.co();
        d.issueDate = Declarations.TODAY.minusYears(1);
        assertThat(validator.validate(d.build()).isValid()).isTrue();
        d.issueDate = Declarations.TODAY.minusYears(1).minusDays(1);
        assertThat(validator.validate(d.build()).hasErrorOn("issueDate")).isTrue();
    }

    @Test
    void aCertificateOfOriginMayArriveWithoutTheIssuingBodysCertificationWhichTheAuthorityReturns() {
        Declarations d = Declarations.co();
        d.certification = null;
        assertThat(validator.validate(d.build()).errors()).isEmpty();
    }

    @Test
    void issuedTodayIsNotInTheFuture() {
        Declarations d = Declarations.co();
        d.issueDate = Declarations.TODAY;
        assertThat(validator.validate(d.build()).isValid()).isTrue();
    }

    @Test
    void returnsEveryProblemAtOnce() {
        Declarations d = Declarations.co();
        d.referenceNumber = null;
        d.destinationCountry = "US";
        d.certification = null;
        d.goods = List.of(Declarations.item(),
                item("94036", "RVC40", "IN", BigDecimal.ONE, "PCE", null, null));
        d.backToBack = new Declaration.BackToBackDetails(null, null, null, null);
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly(
                "referenceNumber", "destinationCountry", "goods[1].hsCode", "goods[1].originCountry", "goods[1].fobValue",
                "backToBack.originalProofReference", "backToBack.originalIssueDate",
                "backToBack.firstExportingPartyCountry");
    }

    @Test
    void acceptsTheCnshaAliasAndCriterionMarkers() {
        Declarations d = Declarations.co();
        d.goods = List.of(item("9403.60", "RVC40 ACU DMI", "cn", BigDecimal.ONE, "pce", new BigDecimal("10"), "usd"));
        assertThat(validator.validate(d.build()).errors()).isEmpty();
        OriginCriterion criterion = OriginCriterion.parse("RVC40 ACU DMI");
        assertThat(criterion.claimsRvc()).isTrue();
        assertThat(criterion.accumulation()).isTrue();
        assertThat(criterion.deMinimis()).isTrue();
        assertThat(OriginCriterion.parse("CTH or RVC40").criteria()).containsExactly("CTH", "RVC40");
        assertThat(OriginCriterion.parse("CTH").claimsRvc()).isFalse();
    }
}
