package org.originbridge.platform.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The one QR renderer (PNG, ZXing core) of every service that draws one: ccpit-sync's signed e-CO QR codes and
 * status-query's verification-page codes. Error correction M; a quiet zone of {@value #QUIET_ZONE_MODULES} modules, the
 * width ISO/IEC 18004 requires (the two services drew 2 and 4 before issue 9 folded them into one: 4 is the one
 * every scanner is built for); at least {@value #MIN_PIXELS_PER_MODULE} pixels per module. Services that use it
 * depend on {@code com.google.zxing:core} themselves (optional here).
 */
public final class QrCodes {

    /** The quiet zone around the symbol, in modules (ISO/IEC 18004). */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    /** Scanners need crisp modules: never fewer pixels per module than this, whatever {@code size} says. */
    public static final int MIN_PIXELS_PER_MODULE = 4;

    /**
     * A PNG of at least {@code size} x {@code size} pixels; a long content (a signed token in a URL) makes
     * the image larger rather than squeezing its modules below {@link #MIN_PIXELS_PER_MODULE} pixels.
     */
    public static byte[] png(String content, int size) {
        try {
            // 1 pixel per module (width/height 0): the symbol itself, quiet zone included, then scaled up
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            int scale = Math.max(MIN_PIXELS_PER_MODULE, (size + matrix.getWidth() - 1) / matrix.getWidth());
            int pixels = matrix.getWidth() * scale;
            BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < pixels; y++) {
                for (int x = 0; x < pixels; x++) {
                    image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
