package org.originbridge.origin.declaration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.code.Quantity;
import org.originbridge.origin.code.RcepParty;
import org.originbridge.origin.code.UnLocode;

/**
 * Checks a {@link Declaration} against Annex 3B, the validity rules and the {@link InputLimits} of the fields
 * that are not Annex 3B data ({@link SubmittedFieldLimits}), and returns every problem at once, each naming
 * its field by the contract's path ({@code DeclarationSubmitted}: e.g. {@code exporter.country},
 * {@code goods[0].fobValue.currency}), which is also the path of the HTTP JSON.
 * "Today" comes from the injected {@link Clock}. A proof of origin is valid for one year from its issue date:
 * it is still valid on the anniversary ({@code issueDate + 1 year}) and expired the day after.
 * Sizes are bounded by {@link InputLimits#DEFAULT} (goods items, text lengths, decimals, identifiers), checked
 * before anything else is done with a value; the problems returned are {@link InputLimits#capped capped}.
 */
public final class DeclarationValidator {
    private final Clock clock;

    public DeclarationValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ValidationResult validate(Declaration d) {
        Errors e = new Errors();
        LocalDate today = LocalDate.now(clock);

        if (d.documentType() == Declaration.ProofOfOriginType.UNKNOWN) {
            e.add("documentType", ErrorCodes.REQUIRED, "proof type is required (CERTIFICATE_OF_ORIGIN or DECLARATION_OF_ORIGIN)");
        }
        e.requireText("referenceNumber", d.referenceNumber(), "(e) the reference number is required");
        if (!isBlank(d.referenceNumber())) {
            e.parse("referenceNumber", d.referenceNumber(), Ids::parseReference);
        }
        if (d.issueDate() == null) {
            e.add("issueDate", ErrorCodes.REQUIRED, "the issue date is required");
        } else {
            e.notInFuture("issueDate", d.issueDate(), today);
            if (today.isAfter(d.issueDate().plusYears(1))) {
                e.add("issueDate", ErrorCodes.VALIDITY_EXPIRED, "the proof of origin issued on " + d.issueDate()
                        + " expired on " + d.issueDate().plusYears(1) + " (valid one year from issue)");
            }
        }

        trader(e, "exporter", d.exporter(), true, "(a) exporter");
        if (d.producer() != null) {
            trader(e, "producer", d.producer(), false, "(b) producer");
        }
        trader(e, "importer", d.importer(), true, "(c) importer or consignee");

        Optional<RcepParty> exporting = e.party("exporter.country",
                d.exporter() == null ? null : d.exporter().country(), "exporting Party");
        Optional<RcepParty> importing = e.party("destinationCountry", d.destinationCountry(), "destination");
        if (exporting.isPresent() && exporting.equals(importing)) {
            e.add("destinationCountry", ErrorCodes.SAME_PARTY,
                    "the destination must be a Party other than the exporting Party " + exporting.get());
        }

        consignment(e, d.consignment());
        goods(e, d.goods());
        exporterDeclaration(e, d.exporterDeclaration(), today);

        // (h) is what the issuing authority returns when it issues the CO (ccpit-sync applies for it), so a CO may be
        // submitted without it; when the exporter gives one (a CO already certified) it must be complete
        if (d.documentType() == Declaration.ProofOfOriginType.CERTIFICATE_OF_ORIGIN && d.certification() != null) {
            certification(e, d.certification());
        }
        if (d.documentType() == Declaration.ProofOfOriginType.DECLARATION_OF_ORIGIN && isBlank(d.approvedExporterCode())) {
            e.add("approvedExporterCode", ErrorCodes.APPROVED_EXPORTER_CODE_REQUIRED,
                    "a Declaration of Origin must carry the approved exporter code");
        }
        if (d.backToBack() != null) {
            backToBack(e, d.backToBack(), d.issueDate(), today);
        }
        e.text("approvedExporterCode", d.approvedExporterCode());
        List<FieldError> problems = new ArrayList<>(InputLimits.DEFAULT.capped(e.list));
        problems.addAll(SubmittedFieldLimits.check(d));
        return new ValidationResult(problems);
    }

    /**
     * Whether the goods items and their bills of materials are within {@link InputLimits} in number, so that
     * a further look at each (the origin pre-check) stays small; beyond them {@link #validate} reports the count.
     */
    public static boolean withinStructuralLimits(Declaration d) {
        return SubmittedFieldLimits.withinStructuralLimits(d);
    }

    private static void trader(Errors e, String path, Declaration.Party t, boolean addressRequired, String what) {
        if (t == null) {
            e.add(path, ErrorCodes.REQUIRED, what + " name and address are required");
            return;
        }
        e.requireText(path + ".name", t.name(), what + " name is required");
        if (addressRequired) {
            e.requireText(path + ".address", t.address(), what + " address is required");
        } else {
            e.text(path + ".address", t.address());
        }
    }

    private static void consignment(Errors e, Declaration.Consignment c) {
        if (c == null) {
            e.add("consignment", ErrorCodes.REQUIRED,
                    "(j) consignment details are required: invoice number, departure date, vessel or flight, port of discharge");
            return;
        }
        e.requireText("consignment.invoiceNumber", c.invoiceNumber(), "(j) the invoice number is required");
        if (c.departureDate() == null) {
            e.add("consignment.departureDate", ErrorCodes.REQUIRED, "(j) the departure date is required");
        }
        e.requireText("consignment.vesselOrFlight", c.vesselOrFlight(), "(j) the vessel name or flight number is required");
        if (isBlank(c.portOfDischarge())) {
            e.add("consignment.portOfDischarge", ErrorCodes.REQUIRED, "(j) the port of discharge (UN/LOCODE) is required");
        } else {
            e.parse("consignment.portOfDischarge", c.portOfDischarge(), UnLocode::parse);
        }
        if (!isBlank(c.portOfLoading())) {
            e.parse("consignment.portOfLoading", c.portOfLoading(), UnLocode::parse);
        }
    }

    private static void goods(Errors e, List<Declaration.GoodsItem> goods) {
        if (goods.isEmpty()) {
            e.add("goods", ErrorCodes.REQUIRED, "at least one goods item is required");
            return;
        }
        Optional<FieldError> tooMany = InputLimits.tooMany("goods", goods.size(), InputLimits.DEFAULT.maxGoodsItems(),
                "goods items");
        if (tooMany.isPresent()) {
            e.list.add(tooMany.get());
            return; // no item is looked at: the answer stays small and fast however many there are
        }
        for (int i = 0; i < goods.size(); i++) {
            String p = "goods[" + i + "]";
            Declaration.GoodsItem g = goods.get(i);
            if (g == null) {
                e.add(p, ErrorCodes.REQUIRED, "goods item is empty");
                continue;
            }
            e.requireText(p + ".description", g.description(), "(d) the description of goods is required");
            if (isBlank(g.hsCode())) {
                e.add(p + ".hsCode", ErrorCodes.REQUIRED, "(d) the 6-digit HS code is required");
            } else {
                e.parse(p + ".hsCode", g.hsCode(), HsCode::parse);
            }
            Optional<OriginCriterion> criterion = Optional.empty();
            if (isBlank(g.originCriterion())) {
                e.add(p + ".originCriterion", ErrorCodes.REQUIRED, "(f) the origin conferring criterion is required");
            } else {
                criterion = e.parse(p + ".originCriterion", g.originCriterion(), OriginCriterion::parse);
            }
            e.party(p + ".originCountry", g.originCountry(), "(i) RCEP country of origin");
            if (g.quantity() == null || isBlank(g.quantityUnit())) {
                e.add(p + ".quantity", ErrorCodes.REQUIRED, "(l) the quantity and its unit are required");
            } else {
                e.parse(p + ".quantity", g.quantity(), q -> Quantity.of(q, g.quantityUnit()));
            }
            boolean rvc = criterion.map(OriginCriterion::claimsRvc).orElse(false);
            BigDecimal fob = g.fobValue() == null ? null : g.fobValue().amount();
            boolean fobBounded = fob == null || e.parse(p + ".fobValue", fob, Decimals::bounded).isPresent();
            if (fob == null) {
                if (rvc) {
                    e.add(p + ".fobValue", ErrorCodes.FOB_REQUIRED_FOR_RVC, "(k) the FOB value is required because the "
                            + "RVC criterion '" + g.originCriterion() + "' is claimed");
                }
            } else if (fobBounded) {
                if (fob.signum() <= 0) {
                    e.add(p + ".fobValue", ErrorCodes.INVALID_AMOUNT, "the FOB value must be positive, got "
                            + fob.toPlainString());
                }
                String currency = g.fobValue().currency();
                if (isBlank(currency)) {
                    e.add(p + ".fobValue.currency", ErrorCodes.REQUIRED, "the FOB value needs its ISO 4217 currency");
                } else {
                    e.parse(p + ".fobValue.currency", currency, Money::parseCurrency);
                }
            }
            if (g.grossWeightKg() != null && e.parse(p + ".grossWeightKg", g.grossWeightKg(), Decimals::bounded).isPresent()
                    && g.grossWeightKg().signum() < 0) {
                e.add(p + ".grossWeightKg", ErrorCodes.INVALID_AMOUNT, "the gross weight must not be negative");
            }
        }
    }

    private static void exporterDeclaration(Errors e, Declaration.ExporterDeclaration x, LocalDate today) {
        if (x == null) {
            e.add("exporterDeclaration", ErrorCodes.REQUIRED, "(g) the declaration by the exporter or producer is required");
            return;
        }
        e.requireText("exporterDeclaration.signatoryName", x.signatoryName(), "(g) the declarant's name is required");
        if (x.date() == null) {
            e.add("exporterDeclaration.date", ErrorCodes.REQUIRED, "(g) the date of the declaration is required");
        } else {
            e.notInFuture("exporterDeclaration.date", x.date(), today);
        }
    }

    private static void certification(Errors e, Declaration.IssuingBodyCertification c) {
        e.text("certification.issuingBody", c.issuingBody());
        e.text("certification.authorisedSignatory", c.authorisedSignatory());
        if (isBlank(c.issuingBody())) {
            e.add("certification.issuingBody", ErrorCodes.CERTIFICATION_REQUIRED, "(h) the issuing body is required");
        }
        if (isBlank(c.authorisedSignatory())) {
            e.add("certification.authorisedSignatory", ErrorCodes.CERTIFICATION_REQUIRED,
                    "(h) the authorised signature is required");
        }
        if (!c.sealed()) {
            e.add("certification.officialSealReference", ErrorCodes.CERTIFICATION_REQUIRED, "(h) the official seal is required");
        }
    }

    private static void backToBack(Errors e, Declaration.BackToBackDetails b, LocalDate issueDate, LocalDate today) {
        e.text("backToBack.originalProofReference", b.originalProofReference());
        if (isBlank(b.originalProofReference())) {
            e.add("backToBack.originalProofReference", ErrorCodes.BACK_TO_BACK_INCOMPLETE,
                    "(m) a back-to-back proof needs the original proof of origin's reference number");
        }
        if (b.originalIssueDate() == null) {
            e.add("backToBack.originalIssueDate", ErrorCodes.BACK_TO_BACK_INCOMPLETE,
                    "(m) a back-to-back proof needs the original proof of origin's issue date");
        } else {
            e.notInFuture("backToBack.originalIssueDate", b.originalIssueDate(), today);
            if (issueDate != null && b.originalIssueDate().isAfter(issueDate)) {
                e.add("backToBack.originalIssueDate", ErrorCodes.DATE_ORDER, "the original proof (" + b.originalIssueDate()
                        + ") cannot be issued after the back-to-back proof (" + issueDate + ")");
            }
            if (today.isAfter(b.originalIssueDate().plusYears(1))) {
                e.add("backToBack.originalIssueDate", ErrorCodes.VALIDITY_EXPIRED, "the original proof of origin expired on "
                        + b.originalIssueDate().plusYears(1) + "; a back-to-back proof cannot outlive it");
            }
        }
        if (isBlank(b.firstExportingPartyCountry())) {
            e.add("backToBack.firstExportingPartyCountry", ErrorCodes.BACK_TO_BACK_INCOMPLETE,
                    "(m) a back-to-back proof needs the first exporting Party's RCEP country of origin");
        } else {
            e.party("backToBack.firstExportingPartyCountry", b.firstExportingPartyCountry(),
                    "first exporting Party's country of origin");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects errors in the order found. */
    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(String field, String code, String message) {
            list.add(new FieldError(field, code, message));
        }

        void requireText(String field, String value, String message) {
            if (isBlank(value)) {
                add(field, ErrorCodes.REQUIRED, message);
            } else {
                text(field, value);
            }
        }

        /** Free text within {@link InputLimits#maxTextLength()}. */
        void text(String field, String value) {
            InputLimits.DEFAULT.tooLong(field, value).ifPresent(list::add);
        }

        void notInFuture(String field, LocalDate date, LocalDate today) {
            if (date.isAfter(today)) {
                add(field, ErrorCodes.DATE_IN_FUTURE, "the date " + date + " is in the future (today is " + today + ")");
            }
        }

        <I, T> Optional<T> parse(String field, I input, Function<I, T> parser) {
            try {
                return Optional.of(parser.apply(input));
            } catch (InvalidCodeException ex) {
                add(field, ex.code(), ex.getMessage());
                return Optional.empty();
            }
        }

        Optional<RcepParty> party(String field, String value, String what) {
            if (isBlank(value)) {
                add(field, ErrorCodes.REQUIRED, "the " + what + " is required (an RCEP Party code)");
                return Optional.empty();
            }
            try {
                return Optional.of(RcepParty.parse(value));
            } catch (InvalidCodeException ex) {
                add(field, ex.code(), "the " + what + ": " + ex.getMessage());
                return Optional.empty();
            }
        }
    }

}
