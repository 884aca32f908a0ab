package org.originbridge.status.adapter.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.EcoDocument;

/**
 * Renders an issued e-CO as a PDF (Apache PDFBox 3): the data of the RCEP Certificate of Origin
 * (Annex 3B) as the read model holds it, field by field in the order of the form (certificate
 * number, exporter, producer, importer/consignee, transport, goods lines with HS code, origin
 * criterion, quantity and invoice, issuing body), then the verification data (verification code,
 * short code, ASW reference) and the e-CO's dynamic QR code. It is a rendering of the data for
 * people; the machine-checkable copy is the signed JSON ({@link SignedEcoCopies}).
 * <p>
 * Text goes out in the standard Helvetica font (WinAnsi): characters it cannot show (for example
 * CJK names) are replaced with {@code ?}, control characters with spaces, and long values are
 * wrapped (and cut at {@value #MAX_VALUE} characters), so no input can break the document.
 */
public final class EcoPdf {

    static final int MAX_VALUE = 2_000;
    private static final float MARGIN = 50;
    private static final float LEADING = 13;
    private static final float SIZE = 9.5f;
    private static final int WRAP = 100;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** The PDF bytes; {@code qrUrl} is what the QR code encodes (null: no QR code). */
    public byte[] render(EcoDocument eco, String qrUrl) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(clean("RCEP Certificate of Origin " + value(eco.certificateNumber())));
            info.setCreator("OriginBridge status-query");
            Writer writer = new Writer(document);
            writer.line(bold, 15, "RCEP Certificate of Origin (electronic, Annex 3B data)");
            writer.line(regular, SIZE, "Regional Comprehensive Economic Partnership Agreement - rendering of the e-CO issued by "
                    + value(eco.declaration() == null ? null : eco.declaration().issuingBody()));
            writer.gap();
            writer.field("Certificate No.", eco.certificateNumber());
            writer.field("Serial No.", eco.serialNumber());
            writer.field("Issued", eco.issuedAt() == null ? null : INSTANT.format(eco.issuedAt()));
            DeclarationData d = eco.declaration();
            if (d != null) {
                writer.field("Reference No.", d.referenceNumber());
                writer.field("Document type", d.documentType());
                writer.field("Issue date", d.issueDate() == null ? null : d.issueDate().toString());
                writer.section("1. Exporter");
                writer.party(d.exporter());
                writer.field("Approved exporter", d.approvedExporterCode());
                writer.section("2. Producer");
                writer.party(d.producer());
                writer.section("3. Importer / consignee");
                writer.party(d.importer());
                writer.field("Importing Party", d.destinationCountry());
                writer.section("4. Means of transport and route");
                DeclarationData.Consignment c = d.consignment();
                if (c != null) {
                    writer.field("Departure date", c.departureDate() == null ? null : c.departureDate().toString());
                    writer.field("Vessel / flight", join(c.vesselOrFlight(), c.voyageNumber()));
                    writer.field("Port of loading", c.portOfLoading());
                    writer.field("Port of discharge", c.portOfDischarge());
                    writer.field("Transport document", c.transportDocumentReference());
                    writer.field("Booking", c.bookingReference());
                    writer.field("Invoice", join(c.invoiceNumber(), c.invoiceDate() == null ? null : c.invoiceDate().toString()));
                }
                writer.section("5-11. Goods");
                for (DeclarationData.Goods g : d.goods()) {
                    writer.line(bold, SIZE, clean("Item " + value(g.itemNumber()) + ": " + value(g.description())));
                    writer.field("  HS code", g.hsCode());
                    writer.field("  Origin criterion", g.originCriterion());
                    writer.field("  RCEP country of origin", g.originCountry());
                    writer.field("  Quantity", join(g.quantity(), g.quantityUnit()));
                    writer.field("  Gross weight (kg)", g.grossWeightKg());
                    writer.field("  FOB value", join(g.fobAmount(), g.fobCurrency()));
                }
                writer.section("12-13. Issuing body");
                writer.field("Issuing body", d.issuingBody());
            }
            writer.section("Verification");
            writer.field("Short code", eco.shortCode());
            writer.field("ASW reference", eco.aswReference());
            writer.field("Verification code", eco.verificationCode());
            writer.field("CCPIT query", eco.queryUrl());
            if (qrUrl != null) {
                writer.field("QR code", qrUrl);
                writer.qr(qrUrl);
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the e-CO PDF", e);
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static String value(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Control characters become spaces; anything Helvetica (WinAnsi) cannot show becomes '?'. */
    String clean(String text) {
        String s = text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "..." : text;
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (encodable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean encodable(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return true;
        }
        try {
            regular.encode(new String(Character.toChars(codePoint)));
            bold.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void section(String title) throws IOException {
            gap();
            line(bold, 11, title);
        }

        void gap() {
            y -= LEADING / 2;
        }

        void party(DeclarationData.Party party) throws IOException {
            if (party == null) {
                field("Name", null);
                return;
            }
            field("Name", party.name());
            field("Address", party.address());
            field("Country", party.country());
            if (party.identifier() != null) {
                field("Party id", party.identifier());
            }
        }

        void field(String label, String content) throws IOException {
            String text = clean(label + ": " + value(content));
            for (String part : wrap(text)) {
                line(regular, SIZE, part);
            }
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(clean(text));
            stream.endText();
            y -= size > SIZE ? size + 4 : LEADING;
        }

        void qr(String content) throws IOException {
            float side = 120;
            if (y - side < MARGIN) {
                newPage();
            }
            PDImageXObject image = LosslessFactory.createFromImage(document, qrImage(content, 240));
            stream.drawImage(image, MARGIN, y - side, side, side);
            y -= side + LEADING;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            if (cut < WRAP / 2) {
                cut = WRAP;
            }
            lines.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).trim();
        }
        lines.add(rest);
        return lines;
    }

    static BufferedImage qrImage(String content, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the QR code: " + e.getMessage(), e);
        }
    }
}
