package org.originbridge.e2e;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.originbridge.events.intake.DeclarationSubmitted;

/**
 * Declarations as a third party builds them with nothing but Avro: a {@link GenericRecord} of the
 * published DeclarationSubmitted schema, logical types written by hand (dates as days, instants
 * as millis, decimals as two's-complement bytes at the schema's scale).
 */
final class Declarations {

    static final Schema SCHEMA = DeclarationSubmitted.getClassSchema();

    private Declarations() {
    }

    /** The references a declaration's consignment carries. */
    record Consignment(String transportDocument, String booking, String container) {
    }

    /** A complete RCEP Certificate of Origin, CN -> VN, wholly obtained green tea. */
    static GenericRecord certificateOfOrigin(String declarationId, String supplierId, String referenceNumber,
            Consignment consignment) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Schema goodsSchema = SCHEMA.getField("goods").schema().getElementType();
        Schema moneySchema = nonNull(goodsSchema.getField("fobValue").schema());
        GenericRecord fob = new GenericRecordBuilder(moneySchema)
                .set("amount", decimal(new BigDecimal("144000.00"), moneySchema.getField("amount").schema()))
                .set("currency", "USD").build();
        GenericRecord item = new GenericRecordBuilder(goodsSchema)
                .set("itemNumber", 1)
                .set("description", "Green tea (not fermented), in packings over 3 kg")
                .set("hsCode", "090220")
                .set("originCriterion", "WO")
                .set("originCountry", "CN")
                .set("quantity", decimal(new BigDecimal("12000.000"), nonNull(goodsSchema.getField("quantity").schema())))
                .set("quantityUnit", "KGM")
                .set("grossWeightKg", decimal(new BigDecimal("12600.000"), nonNull(goodsSchema.getField("grossWeightKg").schema())))
                .set("fobValue", fob)
                .build();
        Schema consignmentSchema = nonNull(SCHEMA.getField("consignment").schema());
        GenericRecord shipment = new GenericRecordBuilder(consignmentSchema)
                .set("invoiceNumber", "INV-" + referenceNumber)
                .set("invoiceDate", days(yesterday.minusDays(1)))
                .set("departureDate", days(yesterday))
                .set("vesselOrFlight", "HMM NINGBO")
                .set("voyageNumber", "0021E")
                .set("portOfLoading", "CNYSA")
                .set("portOfDischarge", "VNCMT")
                .set("transportDocumentReference", consignment.transportDocument())
                .set("bookingReference", consignment.booking())
                .set("equipmentReferences", List.of(consignment.container()))
                .build();
        Schema declarationSchema = nonNull(SCHEMA.getField("exporterDeclaration").schema());
        Schema certificationSchema = nonNull(SCHEMA.getField("certification").schema());
        return new GenericRecordBuilder(SCHEMA)
                .set("declarationId", declarationId)
                .set("supplierId", supplierId)
                .set("documentType", new GenericData.EnumSymbol(SCHEMA.getField("documentType").schema(), "CERTIFICATE_OF_ORIGIN"))
                .set("referenceNumber", referenceNumber)
                .set("issueDate", days(yesterday))
                .set("exporter", party("Hangzhou West Lake Tea Co., Ltd.", "5 Longjing Road, Hangzhou", "CN"))
                .set("producer", party("Hangzhou West Lake Tea Co., Ltd.", "5 Longjing Road, Hangzhou", "CN"))
                .set("importer", party("Saigon Tea House JSC", "12 Nguyen Hue, District 1, Ho Chi Minh City", "VN"))
                .set("destinationCountry", "VN")
                .set("goods", List.of(item))
                .set("consignment", shipment)
                .set("exporterDeclaration", new GenericRecordBuilder(declarationSchema)
                        .set("place", "Hangzhou").set("date", days(yesterday)).set("signatoryName", "Chen Jing").build())
                .set("certification", new GenericRecordBuilder(certificationSchema)
                        .set("issuingBody", "CCPIT Zhejiang").set("authorisedSignatory", "Wang Fang")
                        .set("officialSealReference", "CCPIT-ZJ-SEAL-02").set("certificationDate", days(yesterday)).build())
                .set("submittedAt", Instant.now().toEpochMilli())
                .build();
    }

    private static GenericRecord party(String name, String address, String country) {
        Schema partySchema = nonNull(SCHEMA.getField("exporter").schema());
        return new GenericRecordBuilder(partySchema).set("name", name).set("address", address).set("country", country).build();
    }

    private static int days(LocalDate date) {
        return (int) date.toEpochDay();
    }

    private static ByteBuffer decimal(BigDecimal value, Schema bytesSchema) {
        LogicalTypes.Decimal type = (LogicalTypes.Decimal) bytesSchema.getLogicalType();
        return new Conversions.DecimalConversion().toBytes(value.setScale(type.getScale()), bytesSchema, type);
    }

    private static Schema nonNull(Schema union) {
        if (union.getType() != Schema.Type.UNION) {
            return union;
        }
        return union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
}
