package org.originbridge.scoring.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.ConsignmentEvidence;
import org.originbridge.scoring.domain.ConsistencyOutcome;
import org.originbridge.scoring.domain.DeclarationEvidence;
import org.originbridge.scoring.domain.IntakeOutcome;
import org.originbridge.scoring.domain.IssuanceOutcome;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.scoring.domain.ScoreBand;
import org.originbridge.scoring.domain.ScoreFactor;
import org.originbridge.scoring.domain.SupplierScore;
import org.originbridge.scoring.domain.Tally;

/** Explicit {@link Document} <-> domain mapping shared by the scoring collections. */
final class EvidenceDocuments {

    private EvidenceDocuments() {
    }

    static Document evidence(DeclarationEvidence e) {
        Document d = new Document();
        if (e.intake() != null) {
            d.append("intake", new Document("accepted", e.intake().accepted()).append("at", date(e.intake().at())));
        }
        if (e.asw() != null) {
            d.append("asw", new Document("result", e.asw().result().name()).append("at", date(e.asw().at())));
        }
        if (e.issuance() != null) {
            d.append("issuance", new Document("status", e.issuance().status().name())
                    .append("sequence", e.issuance().sequence()).append("at", date(e.issuance().at())));
        }
        if (e.consignment() != null) {
            ConsignmentEvidence c = e.consignment();
            d.append("consignment", new Document("portOfLoading", c.portOfLoading())
                    .append("portOfDischarge", c.portOfDischarge())
                    .append("events", c.events().stream().map(EvidenceDocuments::event).toList()));
        }
        if (e.consistency() != null) {
            ConsistencyOutcome k = e.consistency();
            d.append("consistency", new Document("status", k.status().name()).append("discrepancies", k.discrepancies())
                    .append("reportHash", k.reportHash()).append("checkedAt", date(k.checkedAt())));
        }
        return d;
    }

    static DeclarationEvidence evidence(String declarationId, Document d) {
        if (d == null) {
            return DeclarationEvidence.none(declarationId);
        }
        Document i = d.get("intake", Document.class);
        Document a = d.get("asw", Document.class);
        Document s = d.get("issuance", Document.class);
        Document c = d.get("consignment", Document.class);
        Document k = d.get("consistency", Document.class);
        return new DeclarationEvidence(declarationId,
                i == null ? null : new IntakeOutcome(declarationId, i.getBoolean("accepted", false), instant(i.getDate("at"))),
                a == null ? null : new AswOutcome(declarationId, AswOutcome.Result.valueOf(a.getString("result")),
                        instant(a.getDate("at"))),
                s == null ? null : new IssuanceOutcome(declarationId, IssuanceOutcome.Status.valueOf(s.getString("status")),
                        s.getInteger("sequence", 0), instant(s.getDate("at"))),
                c == null ? null : new ConsignmentEvidence(declarationId, c.getString("portOfLoading"),
                        c.getString("portOfDischarge"), docs(c, "events").stream().map(EvidenceDocuments::event).toList()),
                k == null ? null : new ConsistencyOutcome(declarationId,
                        ConsistencyOutcome.Status.valueOf(k.getString("status")), k.getList("discrepancies", String.class),
                        k.getString("reportHash"), instant(k.getDate("checkedAt"))));
    }

    static Document event(NodeEvent n) {
        return new Document("eventId", n.eventId()).append("code", n.code()).append("actual", n.actual())
                .append("location", n.location()).append("at", date(n.at()))
                .append("retractedEventId", n.retractedEventId());
    }

    static NodeEvent event(Document d) {
        return new NodeEvent(d.getString("eventId"), d.getString("code"), d.getBoolean("actual", false),
                d.getString("location"), instant(d.getDate("at")), d.getString("retractedEventId"));
    }

    /** Map keys as list entries: a handling key ("STRP at X") may hold characters field names may not. */
    static Document tally(Tally t) {
        return new Document("intakeAccepted", t.intakeAccepted()).append("intakeRejected", t.intakeRejected())
                .append("aswVerified", t.aswVerified()).append("aswNotVerified", t.aswNotVerified())
                .append("aswOther", t.aswOther()).append("issued", t.issued())
                .append("issuanceRejected", t.issuanceRejected()).append("revoked", t.revoked())
                .append("issuanceOpen", t.issuanceOpen()).append("issuanceFailed", t.issuanceFailed())
                .append("consignmentsComplete", t.consignmentsComplete())
                .append("consignmentsIncomplete", t.consignmentsIncomplete())
                .append("consignmentsHandled", t.consignmentsHandled())
                .append("handling", t.handling().entrySet().stream()
                        .map(e -> new Document("key", e.getKey()).append("count", e.getValue())).toList())
                .append("intakeByDay", t.intakeByDay().entrySet().stream()
                        .map(e -> new Document("day", e.getKey()).append("count", e.getValue())).toList())
                .append("consistencyChecked", t.consistencyChecked())
                .append("consistencyDiscrepant", t.consistencyDiscrepant())
                .append("discrepancies", t.discrepancies().entrySet().stream()
                        .map(e -> new Document("key", e.getKey()).append("count", e.getValue())).toList());
    }

    static Tally tally(Document d) {
        if (d == null) {
            return Tally.ZERO;
        }
        Map<String, Long> handling = new TreeMap<>();
        docs(d, "handling").forEach(h -> handling.put(h.getString("key"), number(h, "count")));
        Map<Long, Long> days = new TreeMap<>();
        docs(d, "intakeByDay").forEach(h -> days.put(number(h, "day"), number(h, "count")));
        Map<String, Long> discrepancies = new TreeMap<>();
        docs(d, "discrepancies").forEach(h -> discrepancies.put(h.getString("key"), number(h, "count")));
        return new Tally(number(d, "intakeAccepted"), number(d, "intakeRejected"), number(d, "aswVerified"),
                number(d, "aswNotVerified"), number(d, "aswOther"), number(d, "issued"), number(d, "issuanceRejected"),
                number(d, "revoked"), number(d, "issuanceOpen"), number(d, "issuanceFailed"),
                number(d, "consignmentsComplete"), number(d, "consignmentsIncomplete"), number(d, "consignmentsHandled"),
                handling, days, number(d, "consistencyChecked"), number(d, "consistencyDiscrepant"), discrepancies);
    }

    static Document score(SupplierScore s) {
        if (s == null) {
            return null;
        }
        return new Document("supplierId", s.supplierId()).append("score", s.score()).append("band", s.band().name())
                .append("previousScore", s.previousScore()).append("version", s.version())
                .append("asOf", date(s.asOf())).append("validUntil", date(s.validUntil())).append("source", s.source())
                .append("factors", s.factors().stream().map(f -> new Document("code", f.code()).append("name", f.name())
                        .append("weight", f.weight()).append("value", f.value())
                        .append("explanation", f.explanation())).toList());
    }

    static SupplierScore score(Document l) {
        return l == null ? null : new SupplierScore(l.getString("supplierId"), l.getInteger("score"),
                ScoreBand.valueOf(l.getString("band")), l.getInteger("previousScore"),
                docs(l, "factors").stream().map(f -> new ScoreFactor(f.getString("code"), f.getString("name"),
                        f.getInteger("weight"), f.getInteger("value"), f.getString("explanation"))).toList(),
                number(l, "version"), instant(l.getDate("asOf")), instant(l.getDate("validUntil")), l.getString("source"));
    }

    @SuppressWarnings("unchecked")
    static List<Document> docs(Document parent, String field) {
        Object value = parent == null ? null : parent.get(field);
        return value == null ? List.of() : new ArrayList<>((List<Document>) value);
    }

    static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
