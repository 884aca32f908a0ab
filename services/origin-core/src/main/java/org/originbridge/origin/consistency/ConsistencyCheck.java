package org.originbridge.origin.consistency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.originbridge.origin.code.RcepParty;

/**
 * The one place of the consistency rules (issue 10, part 5): a declaration against the certificate its
 * issuing authority issued, and against the actual voyage of its consignment. Pure: the same inputs give an
 * equal report.
 *
 * <p>Against the issued certificate, each field is compared when the certificate states it (a field the
 * authority's document does not carry is not compared): exporter and importer (name, country), the number of
 * goods items and, per item number, HS code (at 6 digits, the level a CO carries), description, quantity and
 * unit, FOB value and currency, origin criterion; invoice number and date; vessel, voyage, ports of loading and
 * discharge. Names and descriptions compare case-, space- and punctuation-insensitively; amounts as decimals
 * ({@code 1200} = {@code 1200.00}); ports by node ({@link Ports}), so CNSHA, {@code "cn sha"} and CNYSA agree.
 *
 * <p>Against the voyage, only actual (ACT) events count: the port of loading is the first LOAD, the port of
 * discharge the final DISC (one with no LOAD after it: a discharge followed by a reload is a transshipment);
 * the vessel is compared when the declaration names an IMO number (a vessel name cannot be matched to an IMO
 * number without a registry), the voyage number against the first load's; the departure date against the first
 * DEPA (else the first LOAD) with a tolerance of {@value #DEPARTURE_TOLERANCE_DAYS} days (the CO states the
 * planned date, vessels slip); a discharge in a country other than the declared importing Party is a
 * discrepancy; a LOAD or DISC between them at a port of a country that is not an RCEP Party is a transshipment
 * through a non-Party, a vessel call there (ARRI, DEPA) with the goods on board a transit through it: neither is
 * a failure, but evidence that the goods underwent nothing beyond unloading, reloading and keeping them in good
 * condition under customs control is needed (Art. 3.15, direct consignment). One finding per non-Party port.
 */
public final class ConsistencyCheck {

    /** Days the actual departure may differ from the declared departure date. */
    public static final int DEPARTURE_TOLERANCE_DAYS = 3;

    private static final String ACT = "ACT";
    private static final String LOAD = "LOAD";
    private static final String DISC = "DISC";
    private static final String DEPA = "DEPA";
    private static final String ARRI = "ARRI";
    private static final Pattern IMO = Pattern.compile("(?<![0-9])([0-9]{7})(?![0-9])");
    private static final Set<String> PARTIES = java.util.Arrays.stream(RcepParty.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final Ports ports;

    public ConsistencyCheck(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    /**
     * The report of {@code declared} against {@code issued} (null when no issued content is known) and
     * {@code events} (the consignment's events still standing, in any order).
     */
    public ConsistencyReport check(ShipmentFacts declared, IssuedCertificate issued, List<VoyageEvent> events) {
        Objects.requireNonNull(declared, "declared");
        List<Finding> findings = new ArrayList<>();
        boolean certificateCompared = issued != null && issued.content() != null;
        if (certificateCompared) {
            new CertificateRules(declared, issued, findings).run();
        }
        VoyageRules voyage = new VoyageRules(declared, events == null ? List.of() : events, findings);
        voyage.run();
        ConsistencyReport.Status status = !certificateCompared && !voyage.compared ? ConsistencyReport.Status.NOT_COMPARED
                : findings.stream().anyMatch(f -> f.severity() == Finding.Severity.DISCREPANCY)
                        ? ConsistencyReport.Status.DISCREPANCIES
                        : findings.isEmpty() ? ConsistencyReport.Status.CONSISTENT : ConsistencyReport.Status.EVIDENCE_NEEDED;
        return new ConsistencyReport(status, certificateCompared, voyage.compared, voyage.loadedAt, voyage.dischargedAt,
                findings, publicLine(certificateCompared, voyage, findings));
    }

    private String publicLine(boolean certificateCompared, VoyageRules voyage, List<Finding> findings) {
        if (!certificateCompared && !voyage.compared) {
            return "Not checked yet: neither the issued certificate's content nor an actual voyage event is known.";
        }
        List<String> parts = new ArrayList<>();
        List<String> certificate = findings.stream().filter(Finding::aboutCertificate)
                .map(Finding::publicSentence).distinct().toList();
        if (!certificateCompared) {
            parts.add("the issued certificate's content is not known yet");
        } else if (certificate.isEmpty()) {
            parts.add("the issued certificate matches the declaration");
        } else {
            parts.addAll(certificate);
        }
        List<String> voyageFindings = findings.stream().filter(Finding::aboutVoyage)
                .map(Finding::publicSentence).distinct().toList();
        if (!voyage.compared) {
            parts.add("no actual voyage event is known yet");
        } else if (voyageFindings.isEmpty()) {
            parts.add("the voyage matches: loaded at " + ports.nameOf(voyage.loadedAt)
                    + (voyage.dischargedAt == null ? ", not discharged yet" : ", discharged at " + ports.nameOf(voyage.dischargedAt)));
        } else {
            parts.addAll(voyageFindings);
        }
        String line = String.join("; ", parts);
        return Character.toUpperCase(line.charAt(0)) + line.substring(1) + ".";
    }

    // ---- declaration vs issued certificate ----------------------------------------------------------------

    private final class CertificateRules {
        private final ShipmentFacts d;
        private final ShipmentFacts e;
        private final String source;
        private final List<Finding> out;

        CertificateRules(ShipmentFacts declared, IssuedCertificate issued, List<Finding> out) {
            this.d = declared;
            this.e = issued.content();
            this.source = "e-CO " + orDash(issued.certificateNumber()) + " issued by " + orDash(issued.issuingAuthority());
            this.out = out;
        }

        void run() {
            trader("EXPORTER", "exporter", "exporter", d.exporter(), e.exporter());
            trader("IMPORTER", "importer", "importer", d.importer(), e.importer());
            goods();
            text("ECO_INVOICE_NUMBER", "consignment.invoiceNumber", "invoice number", d.invoiceNumber(), e.invoiceNumber());
            if (e.invoiceDate() != null && !e.invoiceDate().equals(d.invoiceDate())) {
                add("ECO_INVOICE_DATE", "consignment.invoiceDate", "invoice date", str(d.invoiceDate()), str(e.invoiceDate()));
            }
            text("ECO_VESSEL", "consignment.vesselOrFlight", "vessel or flight", d.vesselOrFlight(), e.vesselOrFlight());
            text("ECO_VOYAGE", "consignment.voyageNumber", "voyage number", d.voyageNumber(), e.voyageNumber());
            port("ECO_PORT_OF_LOADING", "consignment.portOfLoading", "port of loading", d.portOfLoading(), e.portOfLoading());
            port("ECO_PORT_OF_DISCHARGE", "consignment.portOfDischarge", "port of discharge", d.portOfDischarge(),
                    e.portOfDischarge());
        }

        private void trader(String id, String field, String label, ShipmentFacts.Trader declared, ShipmentFacts.Trader issued) {
            if (issued == null) {
                return;
            }
            text("ECO_" + id + "_NAME", field + ".name", label + "'s name", declared == null ? null : declared.name(),
                    issued.name());
            code("ECO_" + id + "_COUNTRY", field + ".country", label + "'s country",
                    declared == null ? null : declared.country(), issued.country());
        }

        private void goods() {
            if (e.goods().isEmpty()) {
                return;
            }
            if (e.goods().size() != d.goods().size()) {
                add("ECO_GOODS_COUNT", "goods", "number of goods items", String.valueOf(d.goods().size()),
                        String.valueOf(e.goods().size()));
            }
            Map<Integer, ShipmentFacts.Item> declared = byNumber(d.goods());
            Map<Integer, ShipmentFacts.Item> issued = byNumber(e.goods());
            for (Map.Entry<Integer, ShipmentFacts.Item> entry : issued.entrySet()) {
                ShipmentFacts.Item di = declared.get(entry.getKey());
                if (di == null) {
                    continue; // the count finding names it
                }
                item(entry.getKey(), di, entry.getValue());
            }
        }

        private void item(int n, ShipmentFacts.Item di, ShipmentFacts.Item ei) {
            String path = "goods[" + n + "].";
            String of = " of item " + n;
            if (ei.hsCode() != null && !Objects.equals(hs6(di.hsCode()), hs6(ei.hsCode()))) {
                add("ECO_HS_CODE", path + "hsCode", "HS code" + of, di.hsCode(), ei.hsCode());
            }
            text("ECO_DESCRIPTION", path + "description", "description" + of, di.description(), ei.description());
            if (ei.quantity() != null && !(sameDecimal(di.quantity(), ei.quantity())
                    && Objects.equals(upper(di.quantityUnit()), upper(ei.quantityUnit())))) {
                add("ECO_QUANTITY", path + "quantity", "quantity" + of, amount(di.quantity(), di.quantityUnit()),
                        amount(ei.quantity(), ei.quantityUnit()));
            }
            if (ei.fobAmount() != null && !(sameDecimal(di.fobAmount(), ei.fobAmount())
                    && Objects.equals(upper(di.fobCurrency()), upper(ei.fobCurrency())))) {
                add("ECO_FOB_VALUE", path + "fobValue", "FOB value" + of, amount(di.fobAmount(), di.fobCurrency()),
                        amount(ei.fobAmount(), ei.fobCurrency()));
            }
            if (ei.originCriterion() != null && !Objects.equals(criterion(di.originCriterion()), criterion(ei.originCriterion()))) {
                add("ECO_ORIGIN_CRITERION", path + "originCriterion", "origin criterion" + of, di.originCriterion(),
                        ei.originCriterion());
            }
        }

        private void text(String id, String field, String label, String declared, String issued) {
            if (issued != null && !Objects.equals(words(declared), words(issued))) {
                add(id, field, label, declared, issued);
            }
        }

        private void code(String id, String field, String label, String declared, String issued) {
            if (issued != null && !Objects.equals(upper(declared), upper(issued))) {
                add(id, field, label, declared, issued);
            }
        }

        private void port(String id, String field, String label, String declared, String issued) {
            if (issued != null && !Objects.equals(portKey(declared), portKey(issued))) {
                add(id, field, label, declared, issued);
            }
        }

        private void add(String id, String field, String label, String declared, String issued) {
            out.add(new Finding(id, field, shown(declared), shown(issued), source, Finding.Severity.DISCREPANCY,
                    "The " + label + " is " + quoted(declared) + " on the declaration but " + quoted(issued) + " on the "
                            + source + ".",
                    "the " + label + " differs from the issued certificate"));
        }
    }

    private static Map<Integer, ShipmentFacts.Item> byNumber(List<ShipmentFacts.Item> items) {
        Map<Integer, ShipmentFacts.Item> map = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ShipmentFacts.Item item = items.get(i);
            map.putIfAbsent(item.itemNumber() == null ? i + 1 : item.itemNumber(), item);
        }
        return map;
    }

    // ---- declaration vs voyage -----------------------------------------------------------------------------

    private final class VoyageRules {
        private final ShipmentFacts d;
        private final List<VoyageEvent> actual;
        private final List<Finding> out;
        boolean compared;
        String loadedAt;
        String dischargedAt;
        /** Location text -> {node, parsed code}: a voyage repeats a few locations over many events. */
        private final Map<String, String[]> locations = new java.util.HashMap<>();

        VoyageRules(ShipmentFacts declared, List<VoyageEvent> events, List<Finding> out) {
            this.d = declared;
            this.actual = events.stream().filter(Objects::nonNull)
                    .filter(ev -> ev.at() != null && ACT.equalsIgnoreCase(trim(ev.classifier())))
                    .filter(ev -> LOAD.equalsIgnoreCase(trim(ev.eventCode())) || DISC.equalsIgnoreCase(trim(ev.eventCode()))
                            || DEPA.equalsIgnoreCase(trim(ev.eventCode())) || ARRI.equalsIgnoreCase(trim(ev.eventCode())))
                    .sorted(Comparator.comparing(VoyageEvent::at).thenComparing(ev -> String.valueOf(ev.eventId())))
                    .toList();
            this.out = out;
        }

        void run() {
            VoyageEvent firstLoad = first(LOAD, 0);
            int firstLoadIndex = firstLoad == null ? 0 : actual.indexOf(firstLoad);
            VoyageEvent finalDischarge = finalDischarge(firstLoadIndex);
            compared = firstLoad != null || finalDischarge != null;
            if (!compared) {
                return;
            }
            loadedAt = firstLoad == null ? null : portKey(firstLoad.location());
            dischargedAt = finalDischarge == null ? null : portKey(finalDischarge.location());
            if (firstLoad != null) {
                vessel(firstLoad);
                voyage(firstLoad);
                port("VOYAGE_PORT_OF_LOADING", "consignment.portOfLoading", "port of loading", "loaded",
                        d.portOfLoading(), firstLoad);
                departure(firstLoadIndex, firstLoad);
            }
            if (finalDischarge != null) {
                port("VOYAGE_PORT_OF_DISCHARGE", "consignment.portOfDischarge", "port of discharge", "discharged",
                        d.portOfDischarge(), finalDischarge);
                dischargeCountry(finalDischarge);
            }
            transshipment(firstLoadIndex, finalDischarge == null ? actual.size() : actual.indexOf(finalDischarge));
        }

        private VoyageEvent first(String code, int from) {
            for (int i = from; i < actual.size(); i++) {
                if (code.equalsIgnoreCase(trim(actual.get(i).eventCode()))) {
                    return actual.get(i);
                }
            }
            return null;
        }

        /** The last DISC with no LOAD after it (a discharge followed by a reload is a transshipment). */
        private VoyageEvent finalDischarge(int from) {
            for (int i = actual.size() - 1; i >= from; i--) {
                String code = trim(actual.get(i).eventCode());
                if (LOAD.equalsIgnoreCase(code)) {
                    return null;
                }
                if (DISC.equalsIgnoreCase(code)) {
                    return actual.get(i);
                }
            }
            return null;
        }

        private void vessel(VoyageEvent load) {
            String declaredImo = imo(d.vesselOrFlight());
            String observed = imo(load.vesselImo());
            if (declaredImo != null && observed != null && !declaredImo.equals(observed)) {
                add("VOYAGE_VESSEL", "consignment.vesselOrFlight", d.vesselOrFlight(), "IMO " + observed, load,
                        "The declared vessel " + quoted(d.vesselOrFlight()) + " is not the vessel the goods were loaded on (IMO "
                                + observed + ")",
                        "the vessel differs from the declared one");
            }
        }

        private void voyage(VoyageEvent load) {
            if (d.voyageNumber() != null && load.voyageNumber() != null
                    && !Objects.equals(words(d.voyageNumber()), words(load.voyageNumber()))) {
                add("VOYAGE_VOYAGE_NUMBER", "consignment.voyageNumber", d.voyageNumber(), load.voyageNumber(), load,
                        "The declared voyage " + quoted(d.voyageNumber()) + " is not the voyage the goods were loaded on ("
                                + quoted(load.voyageNumber()) + ")",
                        "the voyage number differs from the declared one");
            }
        }

        private void port(String id, String field, String label, String verb, String declared, VoyageEvent event) {
            if (declared == null || declared.isBlank()) {
                return;
            }
            String observed = portKey(event.location());
            if (observed != null && !observed.equals(portKey(declared))) {
                add(id, field, declared, event.location(), event,
                        "Declared " + label + " " + quoted(declared) + " (" + ports.nameOf(declared) + "), but the goods were "
                                + verb + " at " + quoted(event.location()) + " (" + ports.nameOf(event.location()) + ")",
                        "the " + label + " differs from the declared one");
            }
        }

        private void departure(int firstLoadIndex, VoyageEvent load) {
            if (d.departureDate() == null) {
                return;
            }
            VoyageEvent depa = first(DEPA, firstLoadIndex);
            VoyageEvent departed = depa != null ? depa : load;
            LocalDate actualDate = LocalDate.ofInstant(departed.at(), ZoneOffset.UTC);
            long days = Math.abs(ChronoUnit.DAYS.between(d.departureDate(), actualDate));
            if (days > DEPARTURE_TOLERANCE_DAYS) {
                add("VOYAGE_DEPARTURE_DATE", "consignment.departureDate", d.departureDate().toString(), actualDate.toString(),
                        departed, "Declared departure " + d.departureDate() + ", but the vessel "
                                + (depa != null ? "departed" : "was loaded") + " on " + actualDate + " (" + days
                                + " days apart; tolerance " + DEPARTURE_TOLERANCE_DAYS + " days)",
                        "the departure date differs from the declared one by more than " + DEPARTURE_TOLERANCE_DAYS + " days");
            }
        }

        private void dischargeCountry(VoyageEvent discharge) {
            String code = Ports.parse(discharge.location());
            String party = upper(d.importingParty());
            if (code == null || party == null) {
                return;
            }
            String country = code.substring(0, 2);
            if (!country.equals(party)) {
                add("VOYAGE_DISCHARGE_COUNTRY", "destinationCountry", party, country, discharge,
                        "The goods were discharged in " + country + " (" + ports.nameOf(discharge.location())
                                + "), not in the declared importing Party " + party,
                        "the goods were discharged in a country other than the declared importing Party");
            }
        }

        private void transshipment(int from, int to) {
            Map<String, Boolean> handledAt = new LinkedHashMap<>(); // non-Party node -> goods unloaded/reloaded there
            Map<String, VoyageEvent> firstAt = new LinkedHashMap<>();
            for (int i = from; i < to && i < actual.size(); i++) {
                VoyageEvent ev = actual.get(i);
                String[] location = ev.location() == null ? new String[2]
                        : locations.computeIfAbsent(ev.location(), l -> new String[] {portKey(l), Ports.parse(l)});
                String node = location[0];
                String parsed = location[1];
                if (node == null || parsed == null || node.equals(loadedAt) || node.equals(dischargedAt)
                        || PARTIES.contains(parsed.substring(0, 2))) {
                    continue;
                }
                String code = trim(ev.eventCode());
                boolean handled = LOAD.equalsIgnoreCase(code) || DISC.equalsIgnoreCase(code);
                handledAt.merge(node, handled, Boolean::logicalOr);
                firstAt.putIfAbsent(node, ev);
            }
            for (Map.Entry<String, Boolean> entry : handledAt.entrySet()) {
                VoyageEvent ev = firstAt.get(entry.getKey());
                String parsed = Ports.parse(ev.location());
                String country = parsed.substring(0, 2);
                String what = entry.getValue() ? "Transshipment through non-Party " + country + " at " + parsed
                        : "Transit through non-Party " + country + " (vessel call at " + parsed + ", goods on board)";
                out.add(new Finding("VOYAGE_TRANSSHIPMENT_NON_PARTY", "consignment", null, parsed, source(ev),
                        Finding.Severity.EVIDENCE_NEEDED,
                        what + " (" + ports.nameOf(parsed) + "): customs control evidence needed (RCEP Art. 3.15: the goods"
                                + " may undergo only unloading, reloading and operations to keep them in good condition)",
                        (entry.getValue() ? "transshipment" : "transit") + " through non-Party " + country
                                + ": customs control evidence needed"));
            }
        }

        private void add(String id, String field, String declared, String observed, VoyageEvent ev, String sentence,
                String publicSentence) {
            out.add(new Finding(id, field, shown(declared), shown(observed), source(ev), Finding.Severity.DISCREPANCY,
                    sentence + " (" + source(ev) + ").", publicSentence));
        }
    }

    private static String source(VoyageEvent ev) {
        String src = ev.source() == null || ev.source().isBlank() ? "carrier" : shown(ev.source().strip());
        return src + " event " + shown(orDash(ev.eventId())) + " at " + shown(orDash(ev.location()));
    }

    // ---- normalisation ----------------------------------------------------------------------------------

    private String portKey(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String node = ports.nodeOf(code);
        return node != null ? node : code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    }

    /** Letters and digits only, upper case, single spaces: "Ningbo Co., Ltd." = "NINGBO CO LTD". */
    static String words(String text) {
        if (text == null) {
            return null;
        }
        String w = text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toUpperCase(Locale.ROOT);
        return w.isEmpty() ? null : w;
    }

    private static String hs6(String hs) {
        if (hs == null) {
            return null;
        }
        String digits = hs.replaceAll("[^0-9]", "");
        return digits.length() > 6 ? digits.substring(0, 6) : digits;
    }

    private static String criterion(String c) {
        return c == null ? null : c.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean sameDecimal(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return new BigDecimal(a.strip()).compareTo(new BigDecimal(b.strip())) == 0;
        } catch (NumberFormatException e) {
            return a.strip().equals(b.strip());
        }
    }

    private static String imo(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IMO.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String amount(String value, String unit) {
        return value == null ? null : value.strip() + (unit == null || unit.isBlank() ? "" : " " + unit.strip());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** A value as the report shows it: bounded, so a hostile 1 MB value does not become a 1 MB report. */
    private static String shown(String value) {
        return value == null ? null : value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }

    private static String quoted(String value) {
        return value == null ? "not given" : "'" + shown(value) + "'";
    }
}
