package org.originbridge.platform.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void aLongSignedUrlStaysReadableBecauseTheImageGrowsInsteadOfItsModulesShrinking() throws Exception {
        String url = "https://verify.example.test/api/v1/public/qr/" + "eyJhbGciOiJFUzI1NiJ9.".repeat(40);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(url, 300)));

        assertThat(image.getWidth()).isGreaterThan(300).isEqualTo(image.getHeight());
        assertThat(decode(image)).isEqualTo(url);
    }

    @Test
    void aShortUrlIsAtLeastTheRequestedSize() throws Exception {
        String url = "https://verify.example.test/verify/RCEP-CN-2026-000101";

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(url, 300)));

        assertThat(image.getWidth()).isGreaterThanOrEqualTo(300);
        assertThat(decode(image)).isEqualTo(url);
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void theQuietZoneIsFourModulesWide() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("https://verify.example.test/v/ABC", 0)));

        int scale = QrCodes.MIN_PIXELS_PER_MODULE; // size 0: the smallest image, 4 pixels a module
        int quiet = QrCodes.QUIET_ZONE_MODULES * scale;
        for (int i = 0; i < quiet; i++) {
            assertThat(image.getRGB(i, i) & 0xFFFFFF).as("pixel %d", i).isEqualTo(0xFFFFFF);
        }
        assertThat(image.getRGB(quiet, quiet) & 0xFFFFFF).isZero(); // the finder pattern's first dark module
    }

    @Test
    void contentTooLongForAQrCodeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QrCodes.png("x".repeat(5000), 300))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
