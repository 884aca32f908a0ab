package org.originbridge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.platform.Topics;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.status.config.StatusQueryProperties;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public verification face (adapter/web) against the real broker, registry and MongoDB wire
 * server: the /verify page, its QR image, the card and its live stream, the iframe card, the
 * module's files cross-origin and the snippet generator, including hostile input. Its own consumer
 * group and database, so it never shares partitions with StatusQueryIT's context.
 */
// a free management port: a local stack on the default ports must not break the test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class StatusQueryWebIT {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SITE = "https://exporter.example";
    static final SigningKeys ASW_KEYS = keys("asw-verification");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "status-query-web-it");
        TestIssuer.registerProperties(registry);
        registry.add("spring.kafka.consumer.group-id", () -> "status-query-web-it");
        registry.add("originbridge.security.cors.allowed-origins", () -> SITE);
        registry.add("originbridge.security.public-requests-per-minute", () -> "10000");
        registry.add("originbridge.web.live.poll-interval", () -> "200ms");
        registry.add("originbridge.web.live.heartbeat", () -> "300ms");
        registry.add("originbridge.web.live.max-streams", () -> "3");
    }

    @LocalServerPort
    int port;
    @Autowired
    StatusQueryProperties properties;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TokenSigner signer = new TokenSigner(ASW_KEYS, Clock.systemUTC());

    static SigningKeys keys(String service) {
        try {
            return new SigningKeys(Files.createTempDirectory("status-web-it-" + service), service, Duration.ofDays(400),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A declaration verified by ASW (with its short code) whose e-CO is requested, not yet issued. */
    record Verified(DeclarationSubmitted declaration, String code, String shortCode) {
        String reference() {
            return declaration.getReferenceNumber();
        }
    }

    @BeforeEach
    void publishKeys() {
        SigningKeys.SigningKey key = ASW_KEYS.current();
        TopicProbe.sendAvro(Topics.SIGNING_KEYS, key.kid(), SigningKeyPublished.newBuilder().setKid(key.kid())
                .setService(ASW_KEYS.service()).setJwk(key.publicJwk().toJSONString()).setNotBefore(key.notBefore())
                .setCurrent(true).setPublishedAt(Instant.now()).build());
        await().atMost(WAIT).until(() -> get("/.well-known/jwks.json").body().contains(key.kid()));
    }

    Verified verifiedNotIssued(String supplier) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        DeclarationSubmitted d = AvroEvents.submitted("DECL-W-" + suffix, supplier, "RCEP-W-" + suffix);
        String id = d.getDeclarationId();
        String code = signer.sign(properties.tokens().verificationCodeType(), id,
                Map.of("referenceNumber", d.getReferenceNumber()), Duration.ofDays(365));
        String shortCode = ShortCode.generate();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.newBuilder(AvroEvents.verified(d, code))
                .setShortCode(shortCode).build());
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 1, IssuanceStatus.REQUESTED, null));
        Verified verified = new Verified(d, code, shortCode);
        await().atMost(WAIT).until(() -> {
            JsonNode card = card(verified, "en");
            return "PENDING".equals(card.at("/state").asString(null))
                    && "Requested".equals(card.at("/facts/issuanceStatus").asString(null));
        });
        return verified;
    }

    @Test
    void theVerificationPageExplainsEachCheckInTheReadersLanguage() {
        Verified v = verifiedNotIssued("SUP-WEB-1");
        // typed as a person types it: lower case, with a space
        String typed = ShortCode.display(v.shortCode()).toLowerCase().replace('-', ' ');

        HttpResponse<String> page = get("/verify/" + v.reference() + "?code=" + enc(typed));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Verified, e-CO not issued yet").contains(ShortCode.display(v.shortCode()))
                .contains("Signature and integrity").contains("Verification at the customs channel")
                .contains("Issuance status").contains("Issuer identity").contains("Ningbo Bright Lamps Co., Ltd.")
                .doesNotContain("Saigon Lighting");
        assertStrictHeaders(page, "'none'");
        assertThat(page.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(page.body()).doesNotContain(" style=").doesNotContain(" onclick=");

        HttpResponse<String> chinese = get("/verify/" + v.reference() + "?code=" + v.shortCode() + "&lang=zh");
        assertThat(chinese.body()).contains("lang=\"zh\"").contains("已验证，电子证书尚未签发").contains("签名与完整性");
        HttpResponse<String> vietnamese = send(HttpRequest.newBuilder(uri("/verify/" + v.reference() + "?code=" + v.shortCode()))
                .header("Accept-Language", "fr-FR, vi;q=0.8, en;q=0.5").GET().build());
        assertThat(vietnamese.body()).contains("lang=\"vi\"").contains("Chữ ký và tính toàn vẹn");
        HttpResponse<String> malay = get("/verify/" + v.reference() + "?code=" + v.shortCode() + "&lang=ms-MY");
        assertThat(malay.body()).contains("Tandatangan dan integriti");

        HttpResponse<String> wrong = get("/verify/" + v.reference() + "?code=" + ShortCode.withCheck("0000000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Not verified").doesNotContain("Ningbo Bright Lamps").doesNotContain("qr.png");

        // the form: a typed reference and code land on the result page
        HttpResponse<String> form = get("/verify");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"reference\"").contains("<label for=\"code\"");
        HttpResponse<String> submitted = get("/verify?reference=" + v.reference() + "&code=" + enc(typed) + "&lang=vi");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/verify/" + v.reference() + "?code=").contains("lang=vi"));
    }

    @Test
    void theQrImageIsPublicEncodesThePageAndAWrongCodeGetsNone() throws Exception {
        Verified v = verifiedNotIssued("SUP-WEB-1");

        HttpResponse<byte[]> qr = http.send(HttpRequest.newBuilder(uri("/verify/" + v.reference() + "/qr.png?code="
                + enc(v.code()))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(decode(qr.body())).isEqualTo("http://127.0.0.1:" + port + "/verify/" + v.reference() + "?code=" + v.shortCode());

        HttpResponse<byte[]> wrong = http.send(HttpRequest.newBuilder(uri("/verify/" + v.reference() + "/qr.png?code="
                + ShortCode.withCheck("0000000000"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wrong.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> huge = http.send(HttpRequest.newBuilder(uri("/verify/" + v.reference() + "/qr.png?code="
                + v.shortCode() + "&size=99999")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(huge.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(huge.body())).getWidth()).isLessThanOrEqualTo(1024 + 200);
    }

    @Test
    void theLiveStreamPushesTheCardWhenTheEcoIsIssued() throws Exception {
        Verified v = verifiedNotIssued("SUP-WEB-1");
        BlockingQueue<String> cards = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = openStream(v.reference(), v.shortCode(), "vi", cards);
        try {
            JsonNode first = JSON.readTree(cards.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertThat(first.at("/state").asString()).isEqualTo("PENDING");
            assertThat(first.at("/lang").asString()).isEqualTo("vi");
            assertThat(first.at("/facts/shortCode").asString()).isEqualTo(ShortCode.display(v.shortCode()));

            TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, v.declaration().getDeclarationId(),
                    AvroEvents.issuance(v.declaration(), 2, IssuanceStatus.ISSUED, null));

            // every card pushed until then is still PENDING; then VERIFIED, with the certificate
            JsonNode next = JSON.readTree(cards.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            while (next != null && "PENDING".equals(next.at("/state").asString())) {
                String more = cards.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                next = more == null ? null : JSON.readTree(more);
            }
            assertThat(next).as("a VERIFIED card").isNotNull();
            assertThat(next.at("/state").asString()).isEqualTo("VERIFIED");
            assertThat(next.at("/headline").asString()).isEqualTo("Đã xác minh");
            assertThat(next.at("/facts/certificateNumber").asString()).isEqualTo("CCPIT-" + v.reference());
        } finally {
            stream.cancel(true);
        }
        // a code that does not match gets one NOT_VERIFIED card and the stream ends
        BlockingQueue<String> refused = new LinkedBlockingQueue<>();
        HttpResponse<Void> ended = openStream(v.reference(), ShortCode.withCheck("0000000000"), "en", refused)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(refused.poll(5, TimeUnit.SECONDS)).at("/state").asString()).isEqualTo("NOT_VERIFIED");
    }

    @Test
    void streamsAreBoundedPerInstance() throws Exception {
        Verified v = verifiedNotIssued("SUP-WEB-1");
        List<CompletableFuture<HttpResponse<Void>>> open = new ArrayList<>();
        try {
            // max-streams is 3 here; streams of other tests may still be closing: fill up to the bound
            int status = 200;
            while (status == 200 && open.size() < 10) {
                BlockingQueue<String> cards = new LinkedBlockingQueue<>();
                CompletableFuture<HttpResponse<Void>> s = openStream(v.reference(), v.shortCode(), "en", cards);
                String card = cards.poll(10, TimeUnit.SECONDS);
                if (card == null) {
                    status = s.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode();
                } else {
                    open.add(s);
                }
            }
            assertThat(status).isEqualTo(503);
            assertThat(open.size()).isBetween(1, 3);
        } finally {
            open.forEach(s -> s.cancel(true));
        }
        // closed streams are noticed at the next heartbeat and free their slots
        await().atMost(WAIT).until(() -> {
            BlockingQueue<String> cards = new LinkedBlockingQueue<>();
            CompletableFuture<HttpResponse<Void>> s = openStream(v.reference(), v.shortCode(), "en", cards);
            try {
                return cards.poll(5, TimeUnit.SECONDS) != null;
            } finally {
                s.cancel(true);
            }
        });
    }

    @Test
    void theIframeCardMayBeFramedByTheConfiguredOriginsOnly() {
        Verified v = verifiedNotIssued("SUP-WEB-1");
        HttpResponse<String> frame = get("/embed/frame?reference=" + v.reference() + "&code=" + v.shortCode() + "&lang=ms");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.body()).contains("Disahkan, e-CO belum dikeluarkan");
        assertStrictHeaders(frame, SITE);
    }

    @Test
    void theModuleIsServedToTheAllowedOriginsOnly() {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/embed/originbridge.js")).header("Origin", SITE)
                .GET().build());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
        assertThat(allowed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(allowed.body()).contains("customElements.define('originbridge-verification'");
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/embed/originbridge.js"))
                .header("Origin", "https://evil.example").GET().build());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void hostileInputIsRefusedWithoutALookupAndNeverEchoedRaw() {
        String script = "<script>alert(1)</script>";
        HttpResponse<String> inPath = get("/verify/" + enc(script) + "?code=ABC");
        assertThat(inPath.statusCode()).isEqualTo(400);
        assertThat(inPath.body()).doesNotContain(script);

        HttpResponse<String> inForm = get("/verify?reference=" + enc("<img src=x onerror=alert(1)>") + "&code=" + enc(script));
        assertThat(inForm.statusCode()).isEqualTo(400);
        assertThat(inForm.body()).doesNotContain("<img src=x").doesNotContain(script);

        HttpResponse<String> codeXss = get("/verify/RCEP-X-1?code=" + enc("\"><script>alert(1)</script>"));
        assertThat(codeXss.statusCode()).isEqualTo(200);
        assertThat(codeXss.body()).contains("Not verified").doesNotContain("<script>alert(1)");

        assertThat(get("/verify/RCEP-X-1?code=" + "A".repeat(5000)).statusCode()).isEqualTo(400);
        assertThat(get("/verify/" + "R".repeat(65) + "?code=ABC").statusCode()).isEqualTo(400);
        assertThat(get("/verify/a%2Fb?code=ABC").statusCode()).isEqualTo(400);
        assertThat(get("/verify/a%00b?code=ABC").statusCode()).isEqualTo(400);
        assertThat(get("/verify/RCEP-X-1?code=ABC&lang=" + enc("\"><script>")).body()).contains("lang=\"en\"")
                .doesNotContain("\"><script>");
        assertThat(get("/api/v1/public/verifications/" + enc("<x>") + "/events?code=ABC").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/public/verifications/RCEP-X-1/events").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/public/verifications/RCEP-X-1/card?code=" + "A".repeat(5000)).statusCode()).isEqualTo(400);
        assertThat(get("/embed/frame?reference=" + enc(script)).statusCode()).isEqualTo(400);
        assertThat(get("/verify/RCEP-X-1/qr.png?code=" + enc(script)).statusCode()).isEqualTo(404);
    }

    @Test
    void theSnippetIsForTheExportersOwnVerifiedDeclarations() {
        Verified v = verifiedNotIssued("SUP-WEB-2");
        String id = v.declaration().getDeclarationId();
        String path = "/api/v1/declarations/" + id + "/embed-snippet";

        HttpResponse<String> own = getAs(path, TestIssuer.shared().exporter("SUP-WEB-2"));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode snippet = JSON.readTree(own.body());
        String base = "http://127.0.0.1:" + port;
        assertThat(snippet.at("/scriptTag").asString())
                .isEqualTo("<script type=\"module\" src=\"" + base + "/embed/originbridge.js\"></script>");
        assertThat(snippet.at("/element").asString()).isEqualTo("<originbridge-verification reference=\"" + v.reference()
                + "\" code=\"" + ShortCode.display(v.shortCode()) + "\"></originbridge-verification>");
        assertThat(snippet.at("/iframe").asString()).startsWith("<iframe src=\"" + base + "/embed/frame?reference="
                + v.reference() + "&amp;code=" + ShortCode.display(v.shortCode()));
        assertThat(snippet.at("/pageUrl").asString()).isEqualTo(base + "/verify/" + v.reference() + "?code=" + v.shortCode());

        assertThat(getAs(path, TestIssuer.shared().exporter("SUP-WEB-1")).statusCode()).isEqualTo(404);
        assertThat(get(path).statusCode()).isEqualTo(401);
        DeclarationSubmitted unverified = AvroEvents.submitted("DECL-W-U-" + UUID.randomUUID(), "SUP-WEB-2", "RCEP-WU-1");
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, unverified.getDeclarationId(), AvroEvents.accepted(unverified));
        String unverifiedPath = "/api/v1/declarations/" + unverified.getDeclarationId() + "/embed-snippet";
        await().atMost(WAIT).until(() -> getAs(unverifiedPath, TestIssuer.shared().exporter("SUP-WEB-2")).statusCode() == 409);
    }

    private void assertStrictHeaders(HttpResponse<String> page, String frameAncestors) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline").endsWith("frame-ancestors " + frameAncestors));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    /** Opens a live stream; each {@code card} event's data is put on {@code cards}. */
    private CompletableFuture<HttpResponse<Void>> openStream(String reference, String code, String lang,
            BlockingQueue<String> cards) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/public/verifications/" + reference + "/events?code="
                + enc(code) + "&lang=" + lang)).header("Accept", "text/event-stream").GET().build();
        return lines(request, cards);
    }

    private CompletableFuture<HttpResponse<Void>> lines(HttpRequest request, BlockingQueue<String> cards) {
        boolean[] card = new boolean[1];
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.equals("event:card")) {
                    card[0] = true;
                } else if (card[0] && line.startsWith("data:")) {
                    cards.add(line.substring(5));
                    card[0] = false;
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    private JsonNode card(Verified v, String lang) {
        return JSON.readTree(get("/api/v1/public/verifications/" + v.reference() + "/card?code=" + v.shortCode()
                + "&lang=" + lang).body());
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> getAs(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestIssuer.bearer(token)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
