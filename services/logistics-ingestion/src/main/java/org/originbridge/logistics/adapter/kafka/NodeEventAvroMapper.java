package org.originbridge.logistics.adapter.kafka;

import org.originbridge.events.logistics.EventClassifier;
import org.originbridge.events.logistics.EventSource;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.logistics.NodeEventType;
import org.originbridge.logistics.domain.NodeEvent;

/** Domain {@link NodeEvent} to the public Avro contract {@link LogisticsNodeEvent}. */
public final class NodeEventAvroMapper {

    private NodeEventAvroMapper() {
    }

    /** @param tenant the exporter tenant that pushed the event, "" for carrier feeds and callbacks */
    public static LogisticsNodeEvent toAvro(NodeEvent e, String tenant) {
        return LogisticsNodeEvent.newBuilder()
                .setEventId(e.eventId())
                .setSource(EventSource.valueOf(e.source().name()))
                .setEventType(NodeEventType.valueOf(e.eventType().name()))
                .setEventClassifier(EventClassifier.valueOf(e.classifier().name()))
                .setEventCode(e.eventCode())
                .setEventDateTime(e.eventDateTime())
                .setEventCreatedDateTime(e.eventCreatedDateTime())
                .setUnLocationCode(e.location() == null ? null : e.location().code())
                .setNodeName(e.nodeName())
                .setModeOfTransport(e.modeOfTransport())
                .setVesselImo(e.vesselImo())
                .setCarrierVoyageNumber(e.carrierVoyageNumber())
                .setEquipmentReference(e.equipmentReference())
                .setTransportDocumentReference(e.transportDocumentReference())
                .setBookingReference(e.bookingReference())
                .setRetractedEventId(e.retractedEventId())
                .setReceivedAt(e.receivedAt())
                .setTenantId(tenant)
                .build();
    }
}
