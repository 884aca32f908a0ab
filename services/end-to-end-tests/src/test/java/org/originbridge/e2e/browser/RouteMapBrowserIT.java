package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.originbridge.e2e.SharedPipeline;
import tools.jackson.databind.JsonNode;

/**
 * The delivery route map in a real browser: a declaration goes through the pipeline, a carrier
 * pushes its plan, an estimate and actual port calls (Shanghai reported as CNSHA, a transshipment
 * at Hong Kong, Cai Mep reported as VNTOT) to logistics-ingestion, and the public route page shows
 * Yangshan, Cai Mep and Port Klang, the legs, the cargo's current position and the ETA; when the
 * vessel then arrives, the page follows live (status-query's event stream), without a reload.
 */
@ExtendWith(BrowserTier.class)
class RouteMapBrowserIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private static String event(String classifier, String code, Instant at, Instant created, String unLocode,
            SharedPipeline.Submitted s) {
        return "{\"eventID\":\"" + UUID.randomUUID() + "\",\"eventType\":\"TRANSPORT\",\"eventClassifierCode\":\""
                + classifier + "\",\"transportEventTypeCode\":\"" + code + "\",\"eventDateTime\":\"" + at + "\","
                + "\"eventCreatedDateTime\":\"" + created + "\",\"transportCall\":{\"UNLocationCode\":\"" + unLocode
                + "\",\"vessel\":{\"vesselIMONumber\":\"9742170\"},\"carrierVoyageNumber\":\"0021E\",\"modeOfTransport\":\"VESSEL\"},"
                + "\"documentReferences\":[{\"documentReferenceType\":\"BKG\",\"documentReferenceValue\":\"" + s.booking()
                + "\"},{\"documentReferenceType\":\"TRD\",\"documentReferenceValue\":\"" + s.transportDocument() + "\"}]}";
    }

    @Test
    void theRoutePageShowsTheThreePortsTheLegsTheCurrentPositionAndTheEta(Browser browser, SharedPipeline pipeline)
            throws Exception {
        // a CN -> VN certificate of origin (declared Yangshan CNYSA -> Cai Mep VNCMT), verified by the pipeline
        SharedPipeline.Submitted s = pipeline.submit("SUP-E2E-3", "RCEP-CN-2026-R");
        JsonNode verified = pipeline.awaitView(s.declarationId(),
                v -> "VERIFIED".equals(SharedPipeline.text(v, "/verification/outcome"))
                        && SharedPipeline.text(v, "/verification/shortCode") != null);
        String shortCode = SharedPipeline.text(verified, "/verification/shortCode");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant planned = now.minus(Duration.ofDays(3));
        String events = List.of(
                event("PLN", "DEPA", now.minus(Duration.ofHours(30)), planned, "CNSHA", s),
                event("PLN", "ARRI", now.minus(Duration.ofHours(21)), planned, "HKHKG", s),
                event("PLN", "DEPA", now.minus(Duration.ofHours(19)), planned, "HKHKG", s),
                event("PLN", "ARRI", now.plus(Duration.ofHours(30)), planned, "VNCMT", s),
                event("EST", "ARRI", now.plus(Duration.ofHours(36)), now.minus(Duration.ofHours(2)), "VNTOT", s),
                event("ACT", "DEPA", now.minus(Duration.ofHours(29)), now.minus(Duration.ofHours(29)), "CNSHA", s),
                event("ACT", "ARRI", now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(20)), "HKHKG", s),
                event("ACT", "DEPA", now.minus(Duration.ofHours(18)), now.minus(Duration.ofHours(18)), "HKHKG", s))
                .stream().collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(URI.create(pipeline.url("logistics-ingestion")
                        + "/api/v1/logistics/dcsa-events"))
                .header("Authorization", "Bearer " + pipeline.tokens().exporter("SUP-E2E-3"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(events)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        pipeline.awaitView(s.declarationId(), v -> "ON_LEG".equals(SharedPipeline.text(v, "/route/position/kind"))
                && "HKHKG".equals(SharedPipeline.text(v, "/route/position/from"))
                && "EST".equals(SharedPipeline.text(v, "/route/eta/basis")));

        browser.go(pipeline.url("status-query") + "/routes/" + s.referenceNumber() + "?code="
                + URLEncoder.encode(shortCode, StandardCharsets.UTF_8));

        // the element draws the route and says where the cargo is
        WebElement summary = browser.inShadow("originbridge-route", ".summary");
        browser.await(d -> summary.getText().startsWith("On the way from Hong Kong to Cai Mep"));
        assertThat(summary.getText()).contains("ETA Cai Mep").contains("(estimated)");
        SearchContext map = browser.driver().findElement(By.cssSelector("originbridge-route")).getShadowRoot();
        // the three ports every map marks
        // (read inside await: a live update redraws the layers, so elements may go stale between two reads)
        List<String> labels = browser.await(d -> {
            List<String> texts = map.findElements(By.cssSelector(".leaflet-tooltip")).stream().map(WebElement::getText).toList();
            return texts.containsAll(List.of("Shanghai Yangshan (CNYSA)", "Cai Mep (VNCMT)", "Port Klang (MYPKG)")) ? texts : null;
        });
        assertThat(labels).contains("Shanghai Yangshan (CNYSA)", "Cai Mep (VNCMT)", "Port Klang (MYPKG)");
        // where the cargo is now
        String position = browser.await(d -> {
            WebElement icon = map.findElement(By.cssSelector(".ob-position-icon"));
            return icon.isDisplayed() ? icon.getAttribute("data-position") : null;
        });
        assertThat(position).isEqualTo("ON_LEG");
        // the legs: Yangshan -> Hong Kong done (solid), Hong Kong -> Cai Mep underway (solid to the cargo, dashed on)
        Boolean legsDrawn = browser.await(d -> map.findElements(By.cssSelector("path.ob-leg-done")).size() == 2
                && map.findElements(By.cssSelector("path.ob-leg-planned")).size() == 1);
        assertThat(legsDrawn).isTrue();
        // the shipped coastline, not a tile server
        assertThat(map.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
        Boolean coastline = browser.await(d -> map.findElements(By.cssSelector(".leaflet-overlay-pane path")).stream()
                .anyMatch(p -> p.getAttribute("d").length() > 10_000));
        assertThat(coastline).isTrue();
        // the same route as text, for readers without scripts or sight
        assertThat(browser.driver().findElement(By.id("ob-position")).getText())
                .startsWith("On the way from Hong Kong to Cai Mep");
        browser.screenshot("route-map");

        // live: the vessel arrives at Cai Mep; status-query pushes a 'route' event on the page's stream and
        // the element redraws without a reload (the marker set in the page survives)
        browser.script("window.obNoReload = 'still the same page';");
        HttpResponse<String> arrived = http.send(HttpRequest.newBuilder(URI.create(pipeline.url("logistics-ingestion")
                        + "/api/v1/logistics/dcsa-events"))
                .header("Authorization", "Bearer " + pipeline.tokens().exporter("SUP-E2E-3"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + event("ACT", "ARRI", now.minus(Duration.ofMinutes(30)),
                        now.minus(Duration.ofMinutes(30)), "VNTOT", s) + "]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(202);
        String live = browser.await(d -> {
            String text = browser.inShadow("originbridge-route", ".summary").getText();
            return text.startsWith("Arrived at Cai Mep") ? text : null;
        });
        assertThat(live).doesNotContain("ETA");
        assertThat(browser.script("return window.obNoReload;")).isEqualTo("still the same page");
        String arrivedPosition = browser.await(d -> {
            WebElement icon = browser.driver().findElement(By.cssSelector("originbridge-route")).getShadowRoot()
                    .findElement(By.cssSelector(".ob-position-icon"));
            return "ARRIVED".equals(icon.getAttribute("data-position")) ? "ARRIVED" : null;
        });
        assertThat(arrivedPosition).isEqualTo("ARRIVED");
        // the page's text (the server's rendering) follows the map: no sentence still "on the way"
        String text = browser.await(d -> {
            String sentence = d.findElement(By.id("ob-position")).getText();
            return sentence.startsWith("Arrived at Cai Mep") ? sentence : null;
        });
        assertThat(text).doesNotContain("ETA");
        assertThat(browser.script("return window.obNoReload;")).isEqualTo("still the same page");
        browser.screenshot("route-map-arrived");
    }
}
