package org.originbridge.ccpit.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class ZxingQrCodesTest {

    @Test
    void aLongSignedUrlStaysReadableBecauseTheImageGrowsInsteadOfItsModulesShrinking() throws Exception {
        String url = "https://verify.example.test/api/v1/public/qr/" + "eyJhbGciOiJFUzI1NiJ9.".repeat(40);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ZxingQrCodes.png(url, 300)));

        assertThat(image.getWidth()).isGreaterThan(300).isEqualTo(image.getHeight());
        assertThat(decode(image)).isEqualTo(url);
    }

    @Test
    void aShortUrlIsAtLeastTheRequestedSize() throws Exception {
        String url = "https://verify.example.test/verify/RCEP-CN-2026-000101";

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ZxingQrCodes.png(url, 300)));

        assertThat(image.getWidth()).isGreaterThanOrEqualTo(300);
        assertThat(decode(image)).isEqualTo(url);
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
