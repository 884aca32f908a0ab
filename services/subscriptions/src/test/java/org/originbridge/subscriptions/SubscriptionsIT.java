package org.originbridge.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.Topics;
import org.originbridge.subscriptions.adapter.crypto.SecretKeyRing;
import org.originbridge.subscriptions.adapter.mongo.MongoSubscriptions;
import org.originbridge.subscriptions.domain.WebhookSignature;
import org.originbridge.testsupport.AvroBuilders;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service against a real broker, registry and MongoDB wire server, delivering to a real HTTP
 * receiver on loopback (allow-listed): signatures verify, 500s and timeouts are retried, order is
 * kept per declaration, every event arrives exactly once after dedupe by webhook-id, a dispatcher
 * stopped mid-run loses nothing, SSRF targets and foreign tenants are refused, the stream resumes
 * from Last-Event-ID and the histories page.
 */
class SubscriptionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Pattern ID = Pattern.compile("\"id\":\"(sub_[0-9a-f]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"");
    /** The envelope's own sequence (data.sequence), not a field of the fact. */
    private static final Pattern SEQUENCE = Pattern.compile("\"key\":\"[^\"]*\",\"sequence\":(\\d+)");

    /** The master key of this test run (never a fixed key in the repository). */
    private static final String MASTER_KEY = SecretKeyRing.newEntry();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    private ConfigurableApplicationContext start(String database, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.bootstrapServers(),
                "--spring.kafka.properties.apicurio.registry.url=" + RealInfrastructure.registryUrl(),
                "--spring.kafka.consumer.group-id=subscriptions-it-" + database,
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString() + "/" + database,
                "--spring.jmx.enabled=false",
                "--originbridge.subscriptions.allowed-hosts=127.0.0.1",
                "--originbridge.subscriptions.connect-timeout=1s", "--originbridge.subscriptions.read-timeout=1s",
                "--originbridge.subscriptions.lease=3s", "--originbridge.subscriptions.poll-interval=100ms",
                "--originbridge.subscriptions.retry.initial-backoff=200ms", "--originbridge.subscriptions.retry.max-backoff=1s",
                "--originbridge.subscriptions.retry.max-attempts=6",
                "--originbridge.subscriptions.stream.poll-interval=100ms",
                "--originbridge.subscriptions.encryption.keys=" + MASTER_KEY));
        args.addAll(TestIssuer.shared().springArguments());
        for (String e : extra) { // an extra argument replaces the default of the same key
            String key = e.substring(0, e.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(key));
            args.add(e);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SubscriptionsApplication.class)
                .run(args.toArray(String[]::new));
        started.add(context);
        return context;
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String exporterToken(String tenant) {
        return TestIssuer.shared().token("exporter-" + tenant, "exporter", List.of(tenant), null,
                TestIssuer.EXPORTER_SCOPES + " subscriptions.manage");
    }

    @Test
    void webhooksAreSignedRetriedOrderedPerDeclarationAndExactlyOnceAfterDedupe() throws Exception {
        String tenant = "SUP-IT-" + UUID.randomUUID();
        ConfigurableApplicationContext app = start("subscriptions-it-" + UUID.randomUUID());
        String base = base(app);
        receiver = new WebhookReceiver(Duration.ofMillis(1500));
        String token = exporterToken(tenant);

        // Given a subscription of the exporter to its e-CO events, at a receiver that answers 500 to
        // the first attempt of every event, and hangs past the read timeout on the second of some
        String created = post(base + "/api/v1/subscriptions", token,
                "{\"url\":\"" + receiver.url() + "\",\"types\":[\"eco.status-changed\",\"declaration.verified\"]}");
        String subscription = group(ID, created);
        receiver.secret(group(SECRET, created));
        java.util.concurrent.atomic.AtomicInteger slowBudget = new java.util.concurrent.atomic.AtomicInteger(3);
        receiver.behaviour((id, n) -> n == 1 ? WebhookReceiver.Answer.FAIL
                : n == 2 && slowBudget.getAndDecrement() > 0 ? WebhookReceiver.Answer.SLOW : WebhookReceiver.Answer.OK);

        // When two declarations each go through five issuance steps and a verification, interleaved
        String d1 = tenant + "-D1";
        String d2 = tenant + "-D2";
        for (int step = 1; step <= 5; step++) {
            TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d1, issuance(tenant, d1, step));
            TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d2, issuance(tenant, d2, step));
        }
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, d1, verification(tenant, d1));
        // and another tenant's declaration (not for this subscription) and a redelivered duplicate
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, "OTHER-" + d1, issuance("SUP-OTHER-" + tenant, "OTHER-" + d1, 1));
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d1, issuance(tenant, d1, 3));

        // Then the receiver has every event once (11), each verified, in sequence order per declaration
        await().atMost(TIMEOUT).until(() -> receiver.received().size() >= 11);
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(receiver.refused()).as("every delivery's signature verified").isEmpty();
        assertThat(got).hasSize(11).extracting(WebhookReceiver.Received::key).containsOnly(d1, d2);
        for (String key : List.of(d1, d2)) {
            List<Long> order = got.stream().filter(r -> r.key().equals(key)).map(WebhookReceiver.Received::sequence).toList();
            assertThat(order).as("order kept for " + key).isSortedAccordingTo(Comparator.naturalOrder());
        }
        assertThat(got).allSatisfy(r -> assertThat(receiver.attemptsOf(r.id())).as("retried after the 500").isGreaterThanOrEqualTo(2));
        assertThat(receiver.duplicates()).as("timed-out attempts were delivered again and dropped by webhook-id").isPositive();

        // And the subscription is the exporter's only: another tenant's exporter gets 404, a token without the scope 403
        String foreign = exporterToken("SUP-FOREIGN-" + UUID.randomUUID());
        assertThat(get(base + "/api/v1/subscriptions/" + subscription, foreign).statusCode()).isEqualTo(404);
        assertThat(delete(base + "/api/v1/subscriptions/" + subscription, foreign).statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/v1/subscriptions/" + subscription, TestIssuer.shared().exporter(tenant)).statusCode()).isEqualTo(403);
        HttpResponse<String> mine = get(base + "/api/v1/subscriptions/" + subscription, token);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(receiver.url()).doesNotContain("whsec_");

        // And the declaration's history pages through the same events; a foreign tenant gets 404
        HttpResponse<String> first = get(base + "/api/v1/declarations/" + d1 + "/events?limit=4", token);
        assertThat(first.statusCode()).isEqualTo(200);
        String next = group(Pattern.compile("\"next\":\"(\\d+)\""), first.body());
        HttpResponse<String> second = get(base + "/api/v1/declarations/" + d1 + "/events?limit=4&after=" + next, token);
        assertThat(sequences(first.body())).hasSize(4);
        assertThat(sequences(second.body())).hasSize(2);
        assertThat(second.body()).contains("\"next\":null");
        assertThat(get(base + "/api/v1/declarations/" + d1 + "/events", foreign).statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/v1/declarations/" + d1 + "/events?after=x", token).statusCode()).isEqualTo(400);

        // And the stream resumes after Last-Event-ID with the rest of this tenant's events only
        List<Long> all = new ArrayList<>(sequences(first.body()));
        all.addAll(sequences(second.body()));
        all.addAll(sequences(get(base + "/api/v1/declarations/" + d2 + "/events", token).body()));
        long resumeAfter = all.get(0);
        List<Long> expected = all.stream().filter(seq -> seq > resumeAfter).sorted().toList();
        List<String> streamed = stream(base, token, resumeAfter, expected.size());
        assertThat(streamed).extracting(SubscriptionsIT::sequenceOf).containsExactlyElementsOf(expected);
        assertThat(streamed).allSatisfy(e -> assertThat(e).contains(tenant).doesNotContain("SUP-OTHER-"));

        // And nothing went to the dead-letter list; a replay from T0 queues the events again, which the receiver drops by id
        assertThat(get(base + "/api/v1/subscriptions/" + subscription + "/dead-letters", token).body()).isEqualTo("{\"items\":[]}");
        int before = receiver.duplicates();
        HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription
                + "/replay?since=" + Instant.now().minus(Duration.ofHours(1)))).POST(HttpRequest.BodyPublishers.noBody()), token);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo("{\"queued\":11}");
        await().atMost(TIMEOUT).until(() -> receiver.duplicates() >= before + 11);
        assertThat(receiver.received()).hasSize(11);

        // Issue 10: d1's verification revoked afterwards and d2 NOT_APPLICABLE are recorded with types of their own...
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, d1, revocation(tenant, d1));
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, d2, notApplicable(tenant, d2));
        await().atMost(TIMEOUT).until(() -> get(base + "/api/v1/declarations/" + d1 + "/events", token).body()
                .contains("\"type\":\"declaration.verification-revoked\""));
        await().atMost(TIMEOUT).until(() -> get(base + "/api/v1/declarations/" + d2 + "/events", token).body()
                .contains("\"type\":\"declaration.verification-not-applicable\""));
        // ...so this subscription of declaration.verified matches neither: a replay still queues its 11 events only
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription
                + "/replay?since=" + Instant.now().minus(Duration.ofHours(1)))).POST(HttpRequest.BodyPublishers.noBody()), token);
        assertThat(again.body()).isEqualTo("{\"queued\":11}");
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
                .containsOnly("eco.status-changed", "declaration.verified");
    }

    @Test
    void aDispatcherStoppedMidRunResumesWithoutLossAndDeadLettersCanBeReplayed() throws Exception {
        String tenant = "SUP-KILL-" + UUID.randomUUID();
        String database = "subscriptions-kill-" + UUID.randomUUID();
        // a dispatcher that never gives up, so that the deliveries it holds when stopped are still pending
        ConfigurableApplicationContext first = start(database, "--originbridge.subscriptions.retry.max-attempts=100000");
        receiver = new WebhookReceiver(Duration.ofMillis(300));
        String token = exporterToken(tenant);
        String created = post(base(first) + "/api/v1/subscriptions", token,
                "{\"url\":\"" + receiver.url() + "\",\"types\":[\"eco.status-changed\"]}");
        receiver.secret(group(SECRET, created));
        // the receiver takes the first three events, then fails every delivery until the dispatcher is stopped
        java.util.concurrent.atomic.AtomicBoolean recovered = new java.util.concurrent.atomic.AtomicBoolean();
        receiver.behaviour((id, n) -> recovered.get() || receiver.received().size() < 3
                ? WebhookReceiver.Answer.OK : WebhookReceiver.Answer.FAIL);

        String d = tenant + "-D";
        for (int step = 1; step <= 12; step++) {
            TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, step));
        }
        await().atMost(TIMEOUT).until(() -> receiver.received().size() >= 3 && failedAttempts() >= 2);
        first.close(); // the dispatcher dies with nine deliveries queued, the fourth backing off or in flight
        assertThat(receiver.received()).hasSize(3);

        recovered.set(true);
        ConfigurableApplicationContext second = start(database);
        await().atMost(TIMEOUT).until(() -> receiver.received().size() >= 12);
        assertThat(receiver.received()).extracting(r -> stepOf(r.body()))
                .as("all twelve, once each, in order").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(receiver.refused()).isEmpty();

        // Then an endpoint that always fails: after the last attempt the delivery is a dead letter; replay delivers it
        receiver.behaviour((id, n) -> WebhookReceiver.Answer.FAIL);
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, 13));
        String subscription = group(ID, created);
        await().atMost(TIMEOUT).until(() -> get(base(second) + "/api/v1/subscriptions/" + subscription + "/dead-letters", token)
                .body().contains("\"attempts\":6"));
        receiver.behaviour((id, n) -> WebhookReceiver.Answer.OK);
        HttpResponse<String> replayed = send(HttpRequest.newBuilder(URI.create(base(second) + "/api/v1/subscriptions/" + subscription
                + "/dead-letters/replay")).POST(HttpRequest.BodyPublishers.noBody()), token);
        assertThat(replayed.body()).isEqualTo("{\"replayed\":1}");
        await().atMost(TIMEOUT).until(() -> receiver.received().size() == 13);
    }

    @Test
    void ssrfTargetsHostileBodiesAndInvisibleTypesAreRefusedAndScoreHistoryIsScoped() throws Exception {
        ConfigurableApplicationContext app = start("subscriptions-ssrf-" + UUID.randomUUID());
        String base = base(app);
        String token = exporterToken("SUP-SSRF");
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/", "https://localhost/hook",
                "http://example.com/hook", "https://[::1]/hook", "https://127.0.0.2/hook", "https://user@example.com/")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"types\":[\"eco.status-changed\"]}")), token);
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("url:");
        }
        for (String body : List.of("{\"url\":\"http://127.0.0.1:1/h\",\"types\":[]}", "{\"url\":\"http://127.0.0.1:1/h\",\"types\":[\"nope\"]}",
                "{\"url\":\"http://127.0.0.1:1/h\"}", "{\"types\":[\"score.changed\"]}", "[]", "not json", "null")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
        }
        // the served OpenAPI document names every event type a subscription may list (issue 10's included)
        HttpResponse<String> apiDocs = get(base + "/v3/api-docs", token);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("\"declaration.verification-revoked\"", "\"declaration.verification-not-applicable\"",
                "\"declaration.not-verified\"", "comma-separated event types, any of: declaration.accepted");
        String importer = TestIssuer.shared().token("importer-x", "importer", List.of(), "JP-X", "eco.read subscriptions.manage");
        HttpResponse<String> invisible = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:1/h\",\"types\":[\"score.changed\"]}")), importer);
        assertThat(invisible.statusCode()).isEqualTo(400);
        assertThat(invisible.body()).contains("not visible");
        assertThat(get(base + "/api/v1/subscriptions", null).statusCode()).isEqualTo(401);
        assertThat(get(base + "/api/v1/subscriptions/..%2f..%2fetc", token).statusCode()).isIn(400, 404);

        // score history: each version with its factors, for procurement; the supplier's own exporter too; others 404
        String supplier = "SUP-SCORE-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier, score(supplier, 1, 70));
        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier, score(supplier, 2, 85));
        String procurement = TestIssuer.shared().procurement();
        await().atMost(TIMEOUT).until(() -> sequences(get(base + "/api/v1/suppliers/" + supplier + "/score-history", procurement).body()).size() == 2);
        String history = get(base + "/api/v1/suppliers/" + supplier + "/score-history", procurement).body();
        assertThat(history).contains("\"score\":70", "\"score\":85", "\"code\":\"INTAKE_ACCEPTANCE\"", "\"version\":2");
        assertThat(history.indexOf("\"score\":70")).isLessThan(history.indexOf("\"score\":85"));
        assertThat(get(base + "/api/v1/suppliers/" + supplier + "/score-history", exporterToken(supplier)).statusCode()).isEqualTo(200);
        assertThat(get(base + "/api/v1/suppliers/" + supplier + "/score-history", exporterToken("SUP-ELSE")).statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/v1/suppliers/" + supplier + "/score-history",
                TestIssuer.shared().importer("JP-X")).statusCode()).isEqualTo(403);
    }

    @Test
    void aRotatedSecretIsShownOnceBothSecretsSignDuringTheGracePeriodAndNoSecretIsStoredInClear() throws Exception {
        String tenant = "SUP-ROT-" + UUID.randomUUID();
        String database = "subscriptions-rot-" + UUID.randomUUID();
        ConfigurableApplicationContext app = start(database);
        String base = base(app);
        receiver = new WebhookReceiver(Duration.ofMillis(300));
        String token = exporterToken(tenant);
        String created = post(base + "/api/v1/subscriptions", token,
                "{\"url\":\"" + receiver.url() + "\",\"types\":[\"eco.status-changed\"]}");
        String subscription = group(ID, created);
        String original = group(SECRET, created);
        receiver.secret(original);
        String d = tenant + "-D";

        // Given one delivery signed with the original secret only
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, 1));
        await().atMost(TIMEOUT).until(() -> receiver.received().size() == 1);
        assertThat(receiver.requests().get(0).signature().split(" ")).hasSize(1);

        // When the secret is rotated (default grace period)
        HttpResponse<String> rotation = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription
                + "/secret:rotate")).POST(HttpRequest.BodyPublishers.noBody()), token);
        assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
        String rotated = group(SECRET, rotation.body());
        assertThat(rotated).isNotEqualTo(original);
        Instant until = Instant.parse(group(Pattern.compile("\"previousSecretExpiresAt\":\"([^\"]+)\""), rotation.body()));
        assertThat(until).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(get(base + "/api/v1/subscriptions/" + subscription, token).body()).doesNotContain("whsec_");

        // Then the next delivery carries two signatures, each verifiable with its own secret alone;
        // the receiver still on the original secret accepts it
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, 2));
        await().atMost(TIMEOUT).until(() -> receiver.received().size() == 2);
        WebhookReceiver.Raw during = receiver.requests().get(receiver.requests().size() - 1);
        assertThat(during.signature().split(" ")).hasSize(2);
        for (String secret : List.of(original, rotated)) {
            assertThat(new WebhookSignature.Verifier(secret, Duration.ofMinutes(5))
                    .verify(during.id(), during.timestamp(), during.signature(), during.body(), Instant.now()))
                    .as("verifiable with one secret alone").isEqualTo(WebhookSignature.Verifier.Verdict.VALID);
        }
        assertThat(receiver.refused()).isEmpty();

        // And MongoDB holds neither secret in clear
        try (com.mongodb.client.MongoClient mongo = com.mongodb.client.MongoClients.create(EmbeddedMongo.connectionString())) {
            String stored = mongo.getDatabase(database).getCollection(MongoSubscriptions.COLLECTION)
                    .find(com.mongodb.client.model.Filters.eq("_id", subscription)).first().toJson();
            assertThat(stored).doesNotContain("whsec_").doesNotContain(original.substring(6, 30)).doesNotContain(rotated.substring(6, 30))
                    .contains("ciphertext", "nonce", "kid");
        }

        // When it is rotated again without grace (a leaked secret), only the newest signs
        HttpResponse<String> now = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription
                + "/secret:rotate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"graceSeconds\":0}")), token);
        assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
        assertThat(now.body()).contains("\"previousSecretExpiresAt\":null");
        String newest = group(SECRET, now.body());
        receiver.secret(newest);
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, 3));
        await().atMost(TIMEOUT).until(() -> receiver.received().size() == 3);
        WebhookReceiver.Raw after = receiver.requests().get(receiver.requests().size() - 1);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(new WebhookSignature.Verifier(rotated, Duration.ofMinutes(5))
                .verify(after.id(), after.timestamp(), after.signature(), after.body(), Instant.now()))
                .isEqualTo(WebhookSignature.Verifier.Verdict.INVALID_SIGNATURE);

        // And hostile rotation requests are refused; another client's subscription is 404
        for (String body : List.of("{\"graceSeconds\":-1}", "{\"graceSeconds\":604801}", "{\"graceSeconds\":\"1h\"}",
                "{\"graceSeconds\":1e400}", "not json", "[]")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription
                    + "/secret:rotate")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), token);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).as(body).doesNotContain("whsec_");
        }
        String foreign = exporterToken("SUP-FOREIGN-" + UUID.randomUUID());
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription + "/secret:rotate"))
                .POST(HttpRequest.BodyPublishers.noBody()), foreign).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + subscription + "/secret:rotate"))
                .POST(HttpRequest.BodyPublishers.noBody()), TestIssuer.shared().exporter(tenant)).statusCode()).isEqualTo(403);
        // the last secret handed out is still the one that signs (refused requests changed nothing)
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, d, issuance(tenant, d, 4));
        await().atMost(TIMEOUT).until(() -> receiver.received().size() == 4);
        assertThat(receiver.refused()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** The issuance step (the fact's own sequence) in a delivered envelope. */
    private static int stepOf(String envelope) {
        return Integer.parseInt(group(Pattern.compile("\"previousStatus\":[^,]*,\"sequence\":(\\d+)"), envelope));
    }

    /** Attempts the receiver answered with 500 (all of them after the first three events). */
    private int failedAttempts() {
        return receiver.failures();
    }

    private List<String> stream(String base, String token, long lastEventId, int wanted) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream"))
                .header("Authorization", TestIssuer.bearer(token)).header("Last-Event-ID", Long.toString(lastEventId)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && events.size() < wanted) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5));
                    }
                }
            } catch (java.io.IOException e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(TIMEOUT).until(() -> events.size() >= wanted);
        response.body().close();
        return List.copyOf(events);
    }

    private static Long sequenceOf(String envelope) {
        return Long.parseLong(group(SEQUENCE, envelope));
    }

    private static List<Long> sequences(String page) {
        List<Long> out = new ArrayList<>();
        Matcher m = SEQUENCE.matcher(page);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(p + " in " + text).isTrue();
        return m.group(1);
    }

    private String post(String url, String token, String json) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    private HttpResponse<String> delete(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", TestIssuer.bearer(token));
        }
        try {
            // generous: the first request of a JVM on a loaded 2-core machine (JWKS fetch, MVC start-up) can be slow
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fixtures are test-support's AvroBuilders records of this tenant; each states only what this test bends. */
    private static DeclarationSubmitted.Builder declaration(String tenant, String declaration) {
        return AvroBuilders.declarationSubmitted(declaration).setSupplierId(tenant);
    }

    private static IssuanceStatusChanged issuance(String tenant, String declaration, int step) {
        return AvroBuilders.issuanceStatusChanged(declaration(tenant, declaration).build(),
                        step >= 5 ? IssuanceStatus.ISSUED : IssuanceStatus.UNDER_REVIEW, step)
                .setChangedAt(T0.plusSeconds(step)).build();
    }

    private static VerificationCompleted verification(String tenant, String declaration) {
        return AvroBuilders.verificationCompleted(declaration(tenant, declaration).build(), "code-" + declaration)
                .setDocumentHash("00").setVerifiedAt(T0.plusSeconds(100)).setVersion(1).build();
    }

    /** How asw-verification publishes a revocation: the next version NOT_VERIFIED, the code kept, issuance INVALID. */
    private static VerificationCompleted revocation(String tenant, String declaration) {
        return AvroBuilders.verificationCompleted(declaration(tenant, declaration).build(), "code-" + declaration)
                .setDocumentHash("00").setVerifiedAt(T0.plusSeconds(200)).setVersion(2)
                .setOutcome(org.originbridge.events.asw.VerificationOutcome.NOT_VERIFIED)
                .setIssuanceStatus(org.originbridge.events.asw.CheckResult.newBuilder()
                        .setStatus(org.originbridge.events.asw.CheckStatus.INVALID).setReason("revoked by CN-CCPIT").build())
                .setReason("revoked by CN-CCPIT").build();
    }

    private static VerificationCompleted notApplicable(String tenant, String declaration) {
        return AvroBuilders.verificationCompleted(declaration(tenant, declaration).build(), null)
                .setDocumentHash("00").setVerifiedAt(T0.plusSeconds(100)).setVersion(1)
                .setOutcome(org.originbridge.events.asw.VerificationOutcome.NOT_APPLICABLE).setShortCode(null)
                .setReason("no verification channel for destination VN in this deployment").build();
    }

    private static SupplierComplianceScore score(String supplier, long version, int value) {
        return AvroBuilders.supplierComplianceScore(supplier, value).setBand(ScoreBand.GOOD).setVersion(version)
                .setAsOf(T0.plusSeconds(version)).setValidUntil(T0.plusSeconds(86400)).setSource("test")
                .setFactors(List.of(ScoreFactor.newBuilder().setCode("INTAKE_ACCEPTANCE").setName("Intake")
                        .setWeight(30).setValue(value).setExplanation("x").build())).build();
    }

    @SuppressWarnings("unused")
    private static DeclarationAccepted accepted(String tenant, String declaration, String importer) {
        DeclarationSubmitted submitted = declaration(tenant, declaration)
                .setImporter(Party.newBuilder().setName("Buyer").setIdentifier(importer).build()).setSubmittedAt(T0).build();
        return AvroBuilders.declarationAccepted(submitted).setAcceptedAt(T0).build();
    }

    @SuppressWarnings("unused")
    private static Map<String, Long> counts(List<WebhookReceiver.Received> got) {
        return got.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::key, Collectors.counting()));
    }
}
