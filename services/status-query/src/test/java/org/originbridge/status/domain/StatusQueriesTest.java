package org.originbridge.status.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StatusQueriesTest {

    /** A read store held in maps. */
    static class MapStore implements StatusReadStore {
        final Map<String, DeclarationProjection> declarations = new HashMap<>();
        final List<LogisticsEvent> events = new ArrayList<>();
        final Map<String, SupplierScore> scores = new HashMap<>();

        @Override
        public Optional<DeclarationProjection> findDeclaration(String id) {
            return Optional.ofNullable(declarations.get(id));
        }

        @Override
        public Optional<DeclarationProjection> findByReferenceNumber(String ref) {
            return declarations.values().stream().filter(d -> ref.equals(d.referenceNumber())).findFirst();
        }

        @Override
        public Optional<DeclarationProjection> findByQrToken(String token) {
            return declarations.values().stream()
                    .filter(d -> d.issuance() != null && token.equals(d.issuance().qrToken())).findFirst();
        }

        @Override
        public List<LogisticsEvent> logisticsEvents(Collection<String> refs) {
            return events.stream().filter(e -> e.references().stream().anyMatch(refs::contains)).toList();
        }

        @Override
        public Optional<SupplierScore> score(String supplierId) {
            return Optional.ofNullable(scores.get(supplierId));
        }

        @Override
        public Optional<SigningKeyRecord> signingKey(String kid) {
            return Optional.empty();
        }

        @Override
        public List<SigningKeyRecord> signingKeys() {
            return List.of();
        }

        /** Deliberately sloppy: returns every declaration, so the use case's own guard is what is tested. */
        @Override
        public List<DeclarationProjection> addressedTo(String importerId, int limit) {
            return declarations.values().stream().limit(limit).toList();
        }

        @Override
        public List<DeclarationProjection> list(DeclarationFilter filter, String afterId, int limit) {
            return declarations.values().stream().sorted((a, b) -> a.declarationId().compareTo(b.declarationId()))
                    .filter(d -> afterId == null || d.declarationId().compareTo(afterId) > 0).limit(limit).toList();
        }
    }

    private final MapStore store = new MapStore();
    private final StatusQueries queries = new StatusQueries(store, token -> TokenCheck.Result.valid(Map.of()),
            token -> token.startsWith("bad") ? TokenCheck.Result.invalid("signature does not verify")
                    : token.startsWith("fresh") ? TokenCheck.Result.valid(Map.of("sub", "DECL-1",
                            "certificateNumber", token.endsWith("other") ? "CCPIT-OTHER" : "CCPIT-2026-0001"))
                    : TokenCheck.Result.valid(Map.of()),
            Clock.fixed(T0.plusSeconds(86_400 * 60), ZoneOffset.UTC));

    private void put(IssuanceRecord issuance) {
        store.declarations.put("DECL-1", new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("REF-1"),
                Fixtures.verification("code-1", T0), issuance, issuance == null ? List.of() : List.of(issuance.historyEntry()), T0));
    }

    @Test
    void aVerificationForDisplayReadsTheDeclarationOnceAndShowsFactsOnlyForAMatchingCode() {
        int[] reads = new int[1];
        MapStore counting = new MapStore() {
            @Override
            public Optional<DeclarationProjection> findByReferenceNumber(String ref) {
                reads[0]++;
                return super.findByReferenceNumber(ref);
            }
        };
        counting.declarations.put("DECL-1", new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("REF-1"),
                Fixtures.verification("h.p.s", T0), Fixtures.issuance(2, "ISSUED", T0), List.of(), T0));
        StatusQueries display = new StatusQueries(counting, token -> TokenCheck.Result.valid(Map.of()),
                token -> TokenCheck.Result.valid(Map.of()), Clock.fixed(T0, ZoneOffset.UTC));

        PublicVerificationView view = display.verifyForDisplay("REF-1", "h.p.s");

        assertThat(reads[0]).as("one read for the report and its facts").isEqualTo(1);
        assertThat(view.codeMatched()).isTrue();
        assertThat(view.report().declaration().issuanceStatus()).isEqualTo("ISSUED");
        assertThat(view.certificateNumber()).isNotNull();
        PublicVerificationView wrong = display.verifyForDisplay("REF-1", "other.p.s");
        assertThat(wrong.state()).isEqualTo(PublicVerificationView.State.NOT_VERIFIED);
        assertThat(wrong.shortCode()).isNull();
        assertThat(wrong.certificateNumber()).isNull();
        assertThat(wrong.issuingBody()).isNull();
    }

    static LogisticsEvent actual(String id, String code, java.time.Instant at, String locode) {
        return new LogisticsEvent(id, "DCSA", "EQUIPMENT", "ACT", code, at, at.plusSeconds(5), locode, null, "VESSEL",
                "9811000", "0421W", "MSCU1234565", "TD-REF-1", null, null);
    }

    static IssuanceRecord issuedWith(org.originbridge.origin.consistency.ShipmentFacts content) {
        IssuanceRecord i = Fixtures.issuance(2, "ISSUED", T0);
        return new IssuanceRecord(i.status(), i.previousStatus(), i.sequence(), i.applicationId(), i.certificateNumber(),
                i.serialNumber(), i.queryUrl(), i.qrToken(), i.reason(), i.changedAt(), "CN-CCPIT", "AVC-1", "ab12",
                content);
    }

    static org.originbridge.origin.consistency.ShipmentFacts asIssued(String hsCode) {
        return new org.originbridge.origin.consistency.ShipmentFacts(
                new org.originbridge.origin.consistency.ShipmentFacts.Trader("Ningbo Bright Lamps Co Ltd", "CN"), null, "VN",
                List.of(new org.originbridge.origin.consistency.ShipmentFacts.Item(1, "LED lamps", hsCode, "CTH", "1200",
                        "PCE", "18500", "USD")),
                "INV-1", null, null, null, null, null, null);
    }

    @Test
    void theStatusViewLinksAnIssuedCertificateToCcpitSyncsDocumentOfThisDeclarationOnlyForItsReaders() {
        StatusQueries linking = new StatusQueries(store, token -> TokenCheck.Result.valid(Map.of()),
                token -> TokenCheck.Result.valid(Map.of()), Clock.fixed(T0, ZoneOffset.UTC), "http://ccpit.test:8103/");
        put(Fixtures.issuance(1, "REQUESTED", T0));
        assertThat(linking.status("DECL-1", Reader.operator()).orElseThrow().certificateDocumentUrl())
                .as("not issued yet: no document").isNull();

        put(issuedWith(asIssued("940540")));
        assertThat(linking.status("DECL-1", Reader.tenants(java.util.Set.of("SUP-1"))).orElseThrow().certificateDocumentUrl())
                .isEqualTo("http://ccpit.test:8103/api/v1/declarations/DECL-1/certificate-document");
        assertThat(linking.status("DECL-1", Reader.tenants(java.util.Set.of("SUP-OTHER"))))
                .as("another tenant sees no view, so no link").isEmpty();
        assertThat(queries.status("DECL-1", Reader.operator()).orElseThrow().certificateDocumentUrl())
                .as("no ccpit-sync URL configured: no link").isNull();

        // a hostile id stays one path segment
        DeclarationProjection p = store.declarations.get("DECL-1");
        store.declarations.put("A/../B C", new DeclarationProjection("A/../B C", p.supplierId(), p.referenceNumber(),
                p.destinationCountry(), p.intake(), p.declaration(), p.verification(), p.issuance(), p.issuanceHistory(),
                p.updatedAt()));
        assertThat(linking.status("A/../B C", Reader.operator()).orElseThrow().certificateDocumentUrl())
                .isEqualTo("http://ccpit.test:8103/api/v1/declarations/A%2F..%2FB%20C/certificate-document");
    }

    @Test
    void theStatusViewShowsTheConsistencyReportWithEachDiscrepancyAndItsSource() {
        put(issuedWith(asIssued("940549")));
        store.events.add(actual("L1", "LOAD", T0.plusSeconds(86_400), "CNSHA"));
        store.events.add(actual("D1", "DISC", T0.plusSeconds(86_400 * 6), "THLCH"));

        DeclarationStatus status = queries.status("DECL-1", Reader.operator()).orElseThrow();

        var report = status.consistency();
        assertThat(report.status()).isEqualTo(org.originbridge.origin.consistency.ConsistencyReport.Status.DISCREPANCIES);
        assertThat(report.findings()).extracting(org.originbridge.origin.consistency.Finding::checkId)
                .containsExactly("ECO_HS_CODE", "VOYAGE_PORT_OF_DISCHARGE", "VOYAGE_DISCHARGE_COUNTRY");
        assertThat(report.findings().get(0).source()).isEqualTo("e-CO CCPIT-2026-0001 issued by CN-CCPIT");
        assertThat(report.findings().get(1).source()).isEqualTo("DCSA event D1 at THLCH");
        assertThat(report.loadedAt()).as("CNSHA is Yangshan's node").isEqualTo("CNYSA");
        assertThat(status.issuance().current().issuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(status.issuance().current().authorityVerificationCode()).isEqualTo("AVC-1");
    }

    @Test
    void theStatusViewOfAConsistentDeclarationSaysSoAndAnUnissuedOneIsNotComparedYet() {
        put(Fixtures.issuance(1, "REQUESTED", T0));
        assertThat(queries.status("DECL-1", Reader.operator()).orElseThrow().consistency().status())
                .isEqualTo(org.originbridge.origin.consistency.ConsistencyReport.Status.NOT_COMPARED);

        put(issuedWith(asIssued("9405.40")));
        store.events.add(actual("L1", "LOAD", T0.plusSeconds(86_400), "CNYSA"));
        store.events.add(actual("D1", "DISC", T0.plusSeconds(86_400 * 6), "VNCMT"));
        var report = queries.status("DECL-1", Reader.operator()).orElseThrow().consistency();
        assertThat(report.findings()).isEmpty();
        assertThat(report.status()).isEqualTo(org.originbridge.origin.consistency.ConsistencyReport.Status.CONSISTENT);
    }

    @Test
    void thePublicCheckCarriesTheConsistencyLineWithoutPrivateValuesAndOnlyForAMatchingCode() {
        IssuanceRecord issued = issuedWith(asIssued("940549"));
        store.declarations.put("DECL-1", new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("REF-1"),
                Fixtures.verification("code.p.s", T0), issued, List.of(issued.historyEntry()), T0));
        store.events.add(actual("L1", "LOAD", T0.plusSeconds(86_400), "CNYSA"));
        store.events.add(actual("D1", "DISC", T0.plusSeconds(86_400 * 6), "VNCMT"));

        PublicVerificationView view = queries.verifyForDisplay("REF-1", "code.p.s");

        assertThat(view.consistency()).startsWith("The HS code of item 1 differs from the issued certificate; the voyage matches: loaded at ")
                .doesNotContain("9405").doesNotContain("940549");
        assertThat(queries.verifyForDisplay("REF-1", "other.p.s").consistency()).isNull();
    }

    @Test
    void consolidatesMilestonesOfEveryConsignmentReferenceAndTheSupplierScore() {
        put(Fixtures.issuance(1, "REQUESTED", T0));
        store.events.add(Fixtures.event("E2", "ARRI", T0.plusSeconds(90_000), "TD-REF-1", null));
        store.events.add(Fixtures.event("E1", "DEPA", T0, "TD-REF-1", null));
        store.events.add(new LogisticsEvent("E0", "DCSA", "EQUIPMENT", "ACT", "LOAD", T0.minusSeconds(600), T0, "CNYSA",
                null, null, null, null, "MSCU1234565", null, null, null));
        store.events.add(Fixtures.event("X1", "DEPA", T0, "TD-SOMEONE-ELSE", null));
        LogisticsEvent f = Fixtures.event("F1", "ARRI", T0.plusSeconds(3600), "TD-REF-1", null);
        store.events.add(new LogisticsEvent(f.eventId(), f.source(), f.eventType(), f.eventClassifier(), f.eventCode(),
                f.eventDateTime(), f.eventCreatedDateTime(), f.unLocationCode(), f.nodeName(), f.modeOfTransport(),
                f.vesselImo(), f.carrierVoyageNumber(), f.equipmentReference(), f.transportDocumentReference(),
                f.bookingReference(), f.retractedEventId(), "SUP-ANOTHER-EXPORTER"));
        store.scores.put("SUP-1", Fixtures.score("SUP-1", 82, 4));

        DeclarationStatus status = queries.status("DECL-1", Reader.operator()).orElseThrow();

        assertThat(status.milestones()).extracting(LogisticsEvent::eventId).containsExactly("E0", "E1", "E2");
        assertThat(status.supplierScore().score()).isEqualTo(82);
        assertThat(status.supplierScore().band()).isEqualTo("EXCELLENT");
        assertThat(status.supplierScore().current()).as("valid 30 days, now is day 60").isFalse();
        assertThat(status.issuance().current().status()).isEqualTo("REQUESTED");
    }

    @Test
    void anImporterListsOnlyTheEcosAddressedToItEvenWhenTheStoreHandsOutMore() {
        put(Fixtures.issuance(1, "ISSUED", T0));
        DeclarationData mine = Fixtures.declaration("REF-2");
        mine = new DeclarationData(mine.documentType(), mine.referenceNumber(), mine.issueDate(), mine.exporter(),
                mine.producer(), new DeclarationData.Party("Osaka Denki KK", "Osaka", "JP", "JP-OSAKA"),
                mine.destinationCountry(), mine.goods(), mine.consignment(), mine.approvedExporterCode(), mine.issuingBody());
        store.declarations.put("DECL-2", new DeclarationProjection("DECL-2", "SUP-1", "REF-2", "JP",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), mine, Fixtures.verification("code-2", T0),
                Fixtures.issuance(1, "ISSUED", T0), List.of(), T0));

        List<EcoListItem> items = queries.ecosAddressedTo(Reader.importer("JP-OSAKA"), 10);

        assertThat(items).extracting(EcoListItem::declarationId).containsExactly("DECL-2");
        assertThat(items.get(0).issued()).isTrue();
        assertThat(queries.ecosAddressedTo(Reader.importer("JP-ELSEWHERE"), 10)).isEmpty();
        assertThat(queries.ecosAddressedTo(Reader.operator(), 10)).as("the list is an importer's view").isEmpty();
        assertThat(queries.ecosAddressedTo(Reader.tenants(java.util.Set.of("SUP-1")), 10)).isEmpty();
    }

    @Test
    void theEcoIsOnlyHandedOutOnceIssued() {
        assertThat(queries.eco("DECL-1", Reader.operator())).isInstanceOf(StatusQueries.EcoResult.Unknown.class);
        put(Fixtures.issuance(2, "UNDER_REVIEW", T0));
        assertThat(queries.eco("DECL-1", Reader.operator())).isEqualTo(new StatusQueries.EcoResult.NotIssued("UNDER_REVIEW"));
        put(Fixtures.issuance(3, "ISSUED", T0));
        StatusQueries.EcoResult.Issued issued = (StatusQueries.EcoResult.Issued) queries.eco("DECL-1", Reader.operator());
        assertThat(issued.eco().certificateNumber()).isEqualTo("CCPIT-2026-0001");
        assertThat(issued.eco().declaration().importer().name()).isEqualTo("Saigon Lighting JSC");
    }

    @Test
    void aQrTokenMustBeSignedAndBelongToAnEco() {
        put(Fixtures.issuance(3, "ISSUED", T0));
        assertThat(queries.checkQr("qr-token").valid()).isTrue();
        assertThat(queries.checkQr("qr-token").certificateNumber()).isEqualTo("CCPIT-2026-0001");
        assertThat(queries.checkQr("bad-token").reason()).contains("signature does not verify");
        assertThat(queries.checkQr("other-token").valid()).isFalse();
    }

    @Test
    void aFreshlySignedQrTokenNamingTheDeclarationIsValidWithoutBeingTheStoredOne() {
        put(Fixtures.issuance(3, "ISSUED", T0));
        assertThat(queries.checkQr("fresh-token").valid()).isTrue();
        assertThat(queries.checkQr("fresh-token-other").reason()).isEqualTo("the QR token names another certificate");
        put(new IssuanceRecord("REVOKED", "ISSUED", 4, "APP-1", "CCPIT-2026-0001", "SN-1", null, "qr-token", "fraud", T0));
        QrCheck revoked = queries.checkQr("fresh-token");
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.issuanceStatus()).isEqualTo("REVOKED");
    }

    @Test
    void pagesCarryAContinuationOnlyWhenMoreFollow() {
        for (String id : List.of("A", "B", "C")) {
            store.declarations.put(id, new DeclarationProjection(id, "SUP-1", null, null, null, null, null, null, null, T0));
        }
        StatusQueries.Page first = queries.list(new DeclarationFilter(null, null, null, null, null), Reader.operator(), null, 2);
        assertThat(first.items()).extracting(DeclarationSummary::declarationId).containsExactly("A", "B");
        assertThat(first.continueAfter()).isEqualTo("B");
        StatusQueries.Page second = queries.list(new DeclarationFilter(null, null, null, null, null), Reader.operator(), "B", 2);
        assertThat(second.items()).extracting(DeclarationSummary::declarationId).containsExactly("C");
        assertThat(second.continueAfter()).isNull();
    }

    // ---------------------------------------------------------------- public verification

    private final StatusQueries publicEntry = new StatusQueries(store,
            token -> token.startsWith("signed.") ? TokenCheck.Result.valid(Map.of("sub", "DECL-1"))
                    : TokenCheck.Result.invalid("signature does not verify"),
            token -> TokenCheck.Result.invalid("unused"), Clock.fixed(T0, ZoneOffset.UTC));

    private void putVerified() {
        store.declarations.put("DECL-1", new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("REF-1"),
                Fixtures.verification("signed.code-1", T0), null, List.of(), T0));
    }

    @Test
    void theShortCodeVerifiesCaseInsensitivelyWithSpacesAndHyphens() {
        putVerified();
        String typed = " " + org.originbridge.platform.signing.ShortCode.display(Fixtures.SHORT_CODE).toLowerCase() + " ";

        VerificationReport report = publicEntry.verify("REF-1", typed);

        assertThat(report.summary().all()).isEqualTo("VALID");
        assertThat(report.declaration().exporterName()).isNotNull();
        assertThat(publicEntry.verify("REF-1", "signed.code-1").summary().all()).isEqualTo("VALID");
    }

    @Test
    void anUnknownReferenceAnswersExactlyLikeAWrongCode() {
        putVerified();
        String otherShortCode = org.originbridge.platform.signing.ShortCode.withCheck("0000000000");

        VerificationReport wrongShort = publicEntry.verify("REF-1", otherShortCode);
        VerificationReport unknownShort = publicEntry.verify("REF-1".replace("1", "2"), Fixtures.SHORT_CODE);
        VerificationReport wrongToken = publicEntry.verify("REF-1", "signed.code-of-another-declaration");
        VerificationReport unknownToken = publicEntry.verify("REF-2", "signed.code-1");

        for (VerificationReport report : List.of(wrongShort, unknownShort, wrongToken, unknownToken)) {
            assertThat(report.summary()).isEqualTo(wrongShort.summary());
            assertThat(report.fragments()).isEqualTo(wrongShort.fragments());
            assertThat(report.declaration().exporterName()).isNull();
            assertThat(report.declaration().issuanceStatus()).isNull();
        }
        assertThat(wrongShort.summary().all()).isEqualTo("INVALID");
        assertThat(wrongShort.fragments().get(0).reason()).isEqualTo(PublicVerification.NO_MATCH);
    }

    @Test
    void aMistypedShortCodeIsRefusedByItsCheckCharacterWhateverTheReference() {
        putVerified();
        String typo = (Fixtures.SHORT_CODE.charAt(0) == 'A' ? "B" : "A") + Fixtures.SHORT_CODE.substring(1);

        VerificationReport known = publicEntry.verify("REF-1", typo);
        VerificationReport unknown = publicEntry.verify("REF-9", typo);

        assertThat(known.fragments()).isEqualTo(unknown.fragments());
        assertThat(known.fragments().get(0).reason()).contains("check character");
    }

    @Test
    void eachReaderSeesOnlyWhatItsTokenAllowsAndEverythingElseIsUnknown() {
        put(Fixtures.issuance(3, "ISSUED", T0));
        DeclarationProjection p = store.declarations.get("DECL-1");
        DeclarationData d = p.declaration();
        DeclarationData addressed = new DeclarationData(d.documentType(), d.referenceNumber(), d.issueDate(), d.exporter(),
                d.producer(), new DeclarationData.Party(d.importer().name(), d.importer().address(), d.importer().country(),
                        "JP-OSAKA-DENKI"), d.destinationCountry(), d.goods(), d.consignment(), d.approvedExporterCode(),
                d.issuingBody());
        store.declarations.put("DECL-1", new DeclarationProjection(p.declarationId(), p.supplierId(), p.referenceNumber(),
                p.destinationCountry(), p.intake(), addressed, p.verification(), p.issuance(), p.issuanceHistory(), p.updatedAt()));

        assertThat(queries.status("DECL-1", Reader.tenants(java.util.Set.of("SUP-1")))).isPresent();
        assertThat(queries.status("DECL-1", Reader.tenants(java.util.Set.of("SUP-2")))).isEmpty();
        assertThat(queries.status("DECL-1", Reader.importer("JP-OSAKA-DENKI"))).as("importers read e-COs only").isEmpty();

        assertThat(queries.eco("DECL-1", Reader.importer("JP-OSAKA-DENKI"))).isInstanceOf(StatusQueries.EcoResult.Issued.class);
        assertThat(queries.eco("DECL-1", Reader.importer("KR-SOMEONE-ELSE"))).isInstanceOf(StatusQueries.EcoResult.Unknown.class);
        assertThat(queries.eco("DECL-1", Reader.tenants(java.util.Set.of("SUP-2")))).isInstanceOf(StatusQueries.EcoResult.Unknown.class);
        assertThat(queries.eco("DECL-1", Reader.tenants(java.util.Set.of("SUP-1")))).isInstanceOf(StatusQueries.EcoResult.Issued.class);

        assertThat(queries.list(new DeclarationFilter(null, null, null, null, null), Reader.importer("JP-OSAKA-DENKI"), null, 10)
                .items()).isEmpty();
    }
}
