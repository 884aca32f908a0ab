package org.originbridge.logistics.adapter.edifact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.originbridge.logistics.domain.EdifactTranslator;
import org.originbridge.logistics.domain.InvalidEventsException;
import org.originbridge.logistics.domain.NodeEvent;
import org.originbridge.logistics.domain.UnLocode;
import org.originbridge.origin.FieldError;
import org.springframework.stereotype.Component;

/**
 * COARRI (container discharge/loading report) and CODECO (gate-in/gate-out report), D.95B-style
 * as SMDG describes them, to EQUIPMENT events (classifier ACT, source EDIFACT). The subset read:
 *
 * <ul>
 * <li>UNB sender (0004) and preparation date/time: fall-back creation time;</li>
 * <li>UNH message type (COARRI | CODECO); BGM document name code 1001 and number 1004:
 *     COARRI 98 = discharge report (DISC), 46 or 270 = loading report (LOAD); CODECO 34 = gate-in
 *     (GTIN), 36 = gate-out (GTOT); DTM+137 message date/time: creation time;</li>
 * <li>TDT (header, or inside the equipment group): conveyance reference 8028 = voyage, mode 8067
 *     (1 VESSEL, 2 RAIL, 3 TRUCK, 8 BARGE), transport identification C222 with code list 146 = IMO;</li>
 * <li>LOC 3227 qualifier + C517 UN/LOCODE, in the header or the equipment group (the group wins):
 *     DISC reads 11 (place of discharge), LOAD reads 9 (place of loading), GTIN/GTOT read 165
 *     (place of the terminal/depot);</li>
 * <li>EQD (C237 equipment id) opens one event per container; inside it RFF+BM (bill of lading =
 *     transport document reference), RFF+BN (booking), DTM+203 (execution) or DTM+7 (effective)
 *     with format 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS or 102 CCYYMMDD.</li>
 * </ul>
 * EDIFACT times carry no offset: they are read as local time of the event's port when its
 * country has one time zone, UTC otherwise. Other segments (NAD, MEA, SEL, TMD, FTX, DAM, CNT, ...)
 * are ignored. Event ids are name-based UUIDs of sender, document number, container and code, so
 * sending the same report twice gives the same ids.
 */
@Component
public class StaediEdifactTranslator implements EdifactTranslator {

    private static final Pattern IMO = Pattern.compile("\\d{7}");
    private static final Map<String, String> MODES = Map.of("1", "VESSEL", "2", "RAIL", "3", "TRUCK", "8", "BARGE");

    private enum Movement {
        LOAD("9"), DISC("11"), GTIN("165"), GTOT("165");

        final String locationQualifier;

        Movement(String locationQualifier) {
            this.locationQualifier = locationQualifier;
        }
    }

    @Override
    public List<NodeEvent> translate(byte[] interchange, Instant receivedAt) {
        List<Segment> segments = EdifactSegments.read(interchange);
        List<FieldError> problems = new ArrayList<>();
        List<NodeEvent> events = new ArrayList<>();

        String sender = null;
        Instant interchangeDate = null;
        MessageState message = null;
        int messageIndex = -1;
        for (Segment s : segments) {
            switch (s.tag()) {
                case "UNB" -> {
                    sender = s.value(2, 1);
                    interchangeDate = interchangeDate(s);
                }
                case "UNH" -> {
                    messageIndex++;
                    message = new MessageState("message[" + messageIndex + "]", s.value(2, 1), sender, interchangeDate);
                    if (!"COARRI".equals(message.type) && !"CODECO".equals(message.type)) {
                        problems.add(InvalidEventsException.problem(message.path + ".UNH",
                                "message type " + message.type + " is not mapped (COARRI or CODECO)"));
                        message.skip = true;
                    }
                }
                case "UNT" -> {
                    if (message != null && !message.skip) {
                        message.finish(events, problems, receivedAt);
                    }
                    message = null;
                }
                default -> {
                    if (message != null && !message.skip) {
                        message.accept(s, problems);
                    }
                }
            }
        }
        if (messageIndex < 0) {
            problems.add(InvalidEventsException.problem("interchange", "holds no message (UNH ... UNT)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventsException(problems);
        }
        return events;
    }

    private static Instant interchangeDate(Segment unb) {
        String date = unb.value(4, 1);
        String time = unb.value(4, 2);
        if (date == null || time == null) {
            return null;
        }
        try {
            String pattern = date.length() == 8 ? "yyyyMMddHHmm" : "yyMMddHHmm";
            return LocalDateTime.parse(date + time, DateTimeFormatter.ofPattern(pattern)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What one message (UNH ... UNT) has said so far. */
    private static final class MessageState {
        final String path;
        final String type;
        final String sender;
        final Instant interchangeDate;
        boolean skip;
        Movement movement;
        String documentNumber;
        String[] messageDate;
        final Transport transport = new Transport();
        final Map<String, String> locations = new HashMap<>();
        final List<Equipment> equipment = new ArrayList<>();
        Equipment current;

        MessageState(String path, String type, String sender, Instant interchangeDate) {
            this.path = path;
            this.type = type;
            this.sender = sender;
            this.interchangeDate = interchangeDate;
        }

        void accept(Segment s, List<FieldError> problems) {
            switch (s.tag()) {
                case "BGM" -> {
                    String code = s.value(1, 1);
                    documentNumber = s.value(2, 1);
                    movement = movement(code);
                    if (movement == null) {
                        problems.add(InvalidEventsException.problem(path + ".BGM", "document name code " + code + " is not mapped for "
                                + type + ("COARRI".equals(type) ? " (98 discharge, 46 or 270 loading report)"
                                        : " (34 gate-in, 36 gate-out report)")));
                    }
                }
                case "DTM" -> {
                    if (current != null) {
                        String qualifier = s.value(1, 1);
                        if ("203".equals(qualifier) || ("7".equals(qualifier) && current.time == null)) {
                            current.time = new String[] {s.value(1, 2), s.value(1, 3)};
                        }
                    } else if ("137".equals(s.value(1, 1))) {
                        messageDate = new String[] {s.value(1, 2), s.value(1, 3)};
                    }
                }
                case "TDT" -> (current != null ? current.transport : transport).read(s);
                case "LOC" -> {
                    String qualifier = s.value(1, 1);
                    String location = s.value(2, 1);
                    if (qualifier != null && location != null) {
                        (current != null ? current.locations : locations).put(qualifier, location);
                    }
                }
                case "EQD" -> {
                    current = new Equipment(path + ".EQD[" + equipment.size() + "]", s.value(2, 1));
                    equipment.add(current);
                }
                case "RFF" -> {
                    if (current != null) {
                        String qualifier = s.value(1, 1);
                        String value = s.value(1, 2);
                        if ("BM".equals(qualifier) && value != null) {
                            current.billOfLading = value;
                        } else if ("BN".equals(qualifier) && value != null) {
                            current.booking = value;
                        }
                    }
                }
                case "CNT" -> current = null;
                default -> {
                    // not part of the mapped subset
                }
            }
        }

        private Movement movement(String code) {
            if ("COARRI".equals(type)) {
                return switch (code == null ? "" : code) {
                    case "98" -> Movement.DISC;
                    case "46", "270" -> Movement.LOAD;
                    default -> null;
                };
            }
            return switch (code == null ? "" : code) {
                case "34" -> Movement.GTIN;
                case "36" -> Movement.GTOT;
                default -> null;
            };
        }

        void finish(List<NodeEvent> events, List<FieldError> problems, Instant receivedAt) {
            if (movement == null) {
                if (documentNumber == null && problems.stream().noneMatch(p -> p.field().startsWith(path + ".BGM"))) {
                    problems.add(InvalidEventsException.problem(path + ".BGM", "is required"));
                }
                return;
            }
            if (equipment.isEmpty()) {
                problems.add(InvalidEventsException.problem(path + ".EQD", "the report names no equipment"));
            }
            for (Equipment e : equipment) {
                int before = problems.size();
                if (e.reference == null || !e.reference.matches("[A-Z0-9]{1,15}")) {
                    problems.add(InvalidEventsException.problem(e.path, "equipment identification must be up to 15 letters and digits"));
                }
                String rawLocation = e.locations.getOrDefault(movement.locationQualifier,
                        locations.get(movement.locationQualifier));
                UnLocode location = null;
                if (rawLocation == null) {
                    problems.add(InvalidEventsException.problem(e.path + ".LOC", "LOC+" + movement.locationQualifier
                            + " is required for a " + movement + " event (in the equipment group or the header)"));
                } else {
                    try {
                        location = UnLocode.parse(rawLocation);
                    } catch (IllegalArgumentException ex) {
                        problems.add(InvalidEventsException.problem(e.path + ".LOC", ex.getMessage()));
                    }
                }
                ZoneId zone = location == null ? ZoneOffset.UTC : location.zone();
                Instant at = null;
                if (e.time == null) {
                    problems.add(InvalidEventsException.problem(e.path + ".DTM", "DTM+203 (execution) or DTM+7 (effective) is required"));
                } else {
                    at = instant(e.time, zone, e.path + ".DTM", problems);
                }
                Instant created = messageDate == null ? interchangeDate
                        : instant(messageDate, zone, path + ".DTM", problems);
                if (created == null) {
                    created = receivedAt;
                }
                if (problems.size() > before) {
                    continue;
                }
                Transport transport = e.transport.orElse(this.transport);
                String id = UUID.nameUUIDFromBytes(String.join("|", "edifact", String.valueOf(sender),
                        String.valueOf(documentNumber), e.reference, movement.name()).getBytes(StandardCharsets.UTF_8))
                        .toString();
                events.add(new NodeEvent(id, NodeEvent.Source.EDIFACT, NodeEvent.Type.EQUIPMENT,
                        NodeEvent.Classifier.ACT, movement.name(), at, created, location, transport.mode,
                        transport.imo, transport.voyage, e.reference, e.billOfLading, e.booking, null, receivedAt));
            }
        }

        private static Instant instant(String[] dtm, ZoneId zone, String path, List<FieldError> problems) {
            String value = dtm[0];
            String format = dtm[1] == null ? "203" : dtm[1];
            try {
                LocalDateTime local = switch (format) {
                    case "203" -> LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
                    case "204" -> LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
                    case "102" -> LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
                    default -> null;
                };
                if (local == null) {
                    problems.add(InvalidEventsException.problem(path, "date/time format " + format + " is not read (203, 204 or 102)"));
                    return null;
                }
                return local.atZone(zone).toInstant();
            } catch (DateTimeParseException | NullPointerException e) {
                problems.add(InvalidEventsException.problem(path, "'" + value + "' does not match date/time format " + format));
                return null;
            }
        }
    }

    private static final class Equipment {
        final String path;
        final String reference;
        final Transport transport = new Transport();
        final Map<String, String> locations = new HashMap<>();
        String[] time;
        String billOfLading;
        String booking;

        Equipment(String path, String reference) {
            this.path = path;
            this.reference = reference;
        }
    }

    private static final class Transport {
        String voyage;
        String mode;
        String imo;
        boolean seen;

        void read(Segment tdt) {
            seen = true;
            voyage = tdt.value(2, 1);
            mode = MODES.get(tdt.value(3, 1));
            String id = tdt.value(8, 1);
            if (id != null && "146".equals(tdt.value(8, 2)) && IMO.matcher(id).matches()) {
                imo = id;
            }
        }

        /** This (the equipment's own TDT) where it has one, else the header's main carriage. */
        Transport orElse(Transport header) {
            if (!seen) {
                return header;
            }
            Transport merged = new Transport();
            merged.voyage = voyage != null ? voyage : header.voyage;
            merged.mode = mode != null ? mode : header.mode;
            merged.imo = imo != null ? imo : header.imo;
            merged.seen = true;
            return merged;
        }
    }
}
