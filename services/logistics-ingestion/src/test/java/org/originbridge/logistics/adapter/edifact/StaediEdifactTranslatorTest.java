package org.originbridge.logistics.adapter.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.logistics.EdifactSamples;
import org.originbridge.origin.FieldError;
import org.originbridge.logistics.domain.InvalidEventsException;
import org.originbridge.logistics.domain.NodeEvent;

class StaediEdifactTranslatorTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T08:00:00Z");
    private final StaediEdifactTranslator translator = new StaediEdifactTranslator();

    private static byte[] sample(String name) {
        return EdifactSamples.read(name);
    }

    private List<FieldError> problems(String interchange) {
        try {
            translator.translate(interchange.getBytes(StandardCharsets.US_ASCII), RECEIVED);
        } catch (InvalidEventsException e) {
            return e.problems();
        }
        throw new AssertionError("expected the interchange to be refused");
    }

    @Test
    void coarriDischargeReportAtWestportsGivesOneDiscPerContainer() {
        List<NodeEvent> events = translator.translate(sample("coarri-discharge-port-klang.edi"), RECEIVED);

        assertThat(events).hasSize(2);
        NodeEvent first = events.get(0);
        assertThat(first.source()).isEqualTo(NodeEvent.Source.EDIFACT);
        assertThat(first.eventType()).isEqualTo(NodeEvent.Type.EQUIPMENT);
        assertThat(first.classifier()).isEqualTo(NodeEvent.Classifier.ACT);
        assertThat(first.eventCode()).isEqualTo("DISC");
        assertThat(first.equipmentReference()).isEqualTo("ONEU1234566");
        assertThat(first.transportDocumentReference()).isEqualTo("ONEYSHAB1234567");
        assertThat(first.bookingReference()).isEqualTo("SHAB1234567");
        assertThat(first.key()).isEqualTo("ONEYSHAB1234567");
        assertThat(first.location().code()).isEqualTo("MYPKG");
        assertThat(first.nodeName()).isEqualTo("Port Klang");
        // 07:42 local time in Malaysia (UTC+8)
        assertThat(first.eventDateTime()).isEqualTo(Instant.parse("2026-11-19T23:42:00Z"));
        assertThat(first.eventCreatedDateTime()).isEqualTo(Instant.parse("2026-11-20T01:15:00Z"));
        assertThat(first.vesselImo()).isEqualTo("9806079");
        assertThat(first.carrierVoyageNumber()).isEqualTo("062W");
        assertThat(first.modeOfTransport()).isEqualTo("VESSEL");

        NodeEvent second = events.get(1);
        assertThat(second.equipmentReference()).isEqualTo("TCNU8745124");
        assertThat(second.transportDocumentReference()).isNull();
        assertThat(second.key()).isEqualTo("SHAB7654321");
        assertThat(second.eventDateTime()).isEqualTo(Instant.parse("2026-11-19T23:58:00Z"));
    }

    @Test
    void coarriLoadingReportReadsThePortOfLoadingFromTheHeader() {
        NodeEvent load = translator.translate(sample("coarri-load-yangshan.edi"), RECEIVED).get(0);

        assertThat(load.eventCode()).isEqualTo("LOAD");
        assertThat(load.location().code()).isEqualTo("CNYSA");
        assertThat(load.nodeName()).isEqualTo("Yangshan");
        assertThat(load.eventDateTime()).isEqualTo(Instant.parse("2026-11-16T13:30:15Z"));
        assertThat(load.key()).isEqualTo("ONEYSHAB2222222");
    }

    @Test
    void codecoGateOutAndGateInAtCaiMep() {
        List<NodeEvent> events = translator.translate(sample("codeco-gate-cai-mep.edi"), RECEIVED);

        assertThat(events).extracting(NodeEvent::eventCode).containsExactly("GTOT", "GTIN");
        NodeEvent out = events.get(0);
        assertThat(out.location().code()).isEqualTo("VNCMT");
        assertThat(out.nodeName()).isEqualTo("Cai Mep International Terminal");
        assertThat(out.eventDateTime()).isEqualTo(Instant.parse("2026-11-21T06:47:00Z"));
        assertThat(out.modeOfTransport()).isEqualTo("TRUCK");
        assertThat(out.key()).isEqualTo("ONEYSHAB3333333");
        NodeEvent in = events.get(1);
        assertThat(in.location().code()).isEqualTo("VNTOT");
        assertThat(in.eventDateTime()).isEqualTo(Instant.parse("2026-11-21T08:22:33Z"));
        assertThat(in.key()).isEqualTo("CMEXP0042");
    }

    @Test
    void sameReportTwiceGivesTheSameEventIds() {
        List<String> first = translator.translate(sample("codeco-gate-cai-mep.edi"), RECEIVED).stream()
                .map(NodeEvent::eventId).toList();
        List<String> again = translator.translate(sample("codeco-gate-cai-mep.edi"), RECEIVED.plusSeconds(60)).stream()
                .map(NodeEvent::eventId).toList();
        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void unmappedDocumentCodeIsNamed() {
        String coarri = new String(sample("coarri-load-yangshan.edi"), StandardCharsets.US_ASCII).replace("BGM+46+", "BGM+99+");
        assertThat(problems(coarri)).extracting(FieldError::field).containsExactly("message[0].BGM");
    }

    @Test
    void missingLocationAndBadTimeAreNamedPerContainer() {
        String coarri = new String(sample("coarri-load-yangshan.edi"), StandardCharsets.US_ASCII)
                .replace("LOC+9+CNYSA:139:6+SGH4:TER:ZZZ'", "LOC+7+CNYSA:139:6'")
                .replace("DTM+203:20261116213015:204'", "DTM+203:2026111621:204'");
        assertThat(problems(coarri)).extracting(FieldError::field)
                .containsExactly("message[0].EQD[0].LOC", "message[0].EQD[0].DTM");
    }

    @Test
    void envelopeErrorsAreReported() {
        String wrongCount = new String(sample("coarri-load-yangshan.edi"), StandardCharsets.US_ASCII)
                .replace("UNT+14+YS0001'", "UNT+9+YS0001'");
        assertThat(problems(wrongCount)).isNotEmpty();
        assertThat(problems("this is not EDIFACT")).isNotEmpty();
    }

    @Test
    void otherMessageTypesAreRefused() {
        String iftsta = new String(sample("coarri-load-yangshan.edi"), StandardCharsets.US_ASCII)
                .replace("COARRI:D:95B:UN:ITG14", "IFTSTA:D:95B:UN");
        assertThat(problems(iftsta)).extracting(FieldError::field).containsExactly("message[0].UNH");
    }
}
