package org.originbridge.logistics.adapter.edifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import org.originbridge.origin.FieldError;
import org.originbridge.logistics.domain.InvalidEventsException;

/**
 * Reads an interchange with StAEDI: delimiters from UNA (or the defaults), the envelope
 * (UNB/UNH/UNT/UNZ, segment and message counts, control references) checked against StAEDI's
 * EDIFACT control schema. Answers the segments in order; any syntax or envelope error is a
 * field problem naming the segment position.
 */
final class EdifactSegments {

    private EdifactSegments() {
    }

    static List<Segment> read(byte[] interchange) {
        if (interchange.length == 0) {
            throw new InvalidEventsException("body", "is empty: send an EDIFACT interchange (UNB ... UNZ)");
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        List<Segment> segments = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        String tag = null;
        List<List<String>> elements = new ArrayList<>();
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(interchange))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case ELEMENT_DATA -> put(elements, reader.getLocation(), reader.getText());
                    case END_SEGMENT -> segments.add(new Segment(tag, List.copyOf(elements)));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(InvalidEventsException.problem(
                            where(reader.getLocation()), reader.getErrorType() + (reader.hasText() && reader.getText() != null
                                    ? " ('" + reader.getText() + "')" : "")));
                    default -> {
                        // interchange, group, transaction and composite boundaries: structure comes from the tags
                    }
                }
            }
        } catch (EDIStreamException e) {
            problems.add(InvalidEventsException.problem("interchange", "not a readable EDIFACT interchange: " + e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventsException(problems);
        }
        if (segments.isEmpty()) {
            throw new InvalidEventsException("interchange", "holds no segments");
        }
        return segments;
    }

    private static void put(List<List<String>> elements, Location location, String text) {
        int element = Math.max(location.getElementPosition(), 1);
        int component = Math.max(location.getComponentPosition(), 1);
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<String> components = elements.get(element - 1);
        while (components.size() < component) {
            components.add(null);
        }
        components.set(component - 1, text);
    }

    private static String where(Location location) {
        String tag = location.getSegmentTag();
        return "segment " + location.getSegmentPosition() + (tag == null ? "" : " " + tag)
                + (location.getElementPosition() > 0 ? " element " + location.getElementPosition() : "");
    }
}
