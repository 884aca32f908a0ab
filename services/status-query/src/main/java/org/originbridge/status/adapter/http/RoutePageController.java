package org.originbridge.status.adapter.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.originbridge.status.config.RouteMapProperties;
import org.originbridge.status.domain.PublicRoute;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.route.DeliveryRoute;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public route page {@code /routes/{referenceNumber}?code=}: the {@code <originbridge-route>}
 * map plus the same route as a server-rendered table (readable without JavaScript and by screen
 * readers). Authorised exactly like {@code GET /api/v1/public/routes/...}; public, rate-limited.
 * Every value written into the page is HTML-escaped; the page is sent with a strict
 * Content-Security-Policy (scripts, styles and connections from this origin only, images also from
 * the configured tile server, no inline script or style, not framed) and {@code no-referrer}, as its
 * URL carries the code.
 */
@RestController
public class RoutePageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StatusQueries queries;
    private final RouteMapProperties map;
    private final String policy;

    public RoutePageController(StatusQueries queries, RouteMapProperties map) {
        this.queries = queries;
        this.map = map;
        String tiles = map.tileUrl().isEmpty() ? "" : " " + java.net.URI.create(
                map.tileUrl().replaceAll("\\{[a-z]}", "0")).resolve("/").toString().replaceAll("/$", "");
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    @GetMapping(value = "/routes/{referenceNumber}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String referenceNumber, @RequestParam(required = false) String code) {
        PublicRoute route;
        try {
            route = PublicRouteController.find(queries, referenceNumber, code);
        } catch (ErrorResponseException e) {
            boolean missingCode = code == null || code.isBlank();
            return html(HttpStatus.BAD_REQUEST, document("Delivery route", missingCode && referenceNumber.length() <= 100
                    ? codeForm(referenceNumber, "Enter the verification code printed with the declaration.")
                    : "<p role=\"alert\">The reference number or code is not valid.</p>"));
        }
        if (route == null) {
            return html(HttpStatus.NOT_FOUND, document("Delivery route", "<p role=\"alert\">"
                    + esc(PublicRouteController.NOT_FOUND) + ".</p>" + codeForm(referenceNumber, "Check the code and try again.")));
        }
        StringBuilder body = new StringBuilder();
        body.append("<p>Reference number <strong>").append(esc(route.referenceNumber())).append("</strong></p>\n");
        body.append("<originbridge-route reference=\"").append(esc(route.referenceNumber())).append("\" code=\"")
                .append(esc(code.trim())).append('"');
        if (!map.tileUrl().isEmpty()) {
            body.append(" tile-url=\"").append(esc(map.tileUrl())).append("\" tile-attribution=\"")
                    .append(esc(map.tileAttribution())).append('"');
        }
        body.append("></originbridge-route>\n");
        body.append(table(route));
        return html(HttpStatus.OK, document("Delivery route " + route.referenceNumber(), body.toString()));
    }

    private static String table(PublicRoute route) {
        StringBuilder t = new StringBuilder();
        t.append("<section class=\"ob-route-text\"><h2>Where the cargo is</h2><p id=\"ob-position\">")
                .append(esc(describe(route))).append("</p>\n");
        t.append("<table><caption>Port calls: planned / estimated / actual</caption><thead><tr><th scope=\"col\">Port</th>"
                + "<th scope=\"col\">Role</th><th scope=\"col\">Arrival</th><th scope=\"col\">Departure</th></tr></thead><tbody>\n");
        for (DeliveryRoute.Stop s : route.stops()) {
            t.append("<tr><th scope=\"row\">").append(esc(s.name() == null ? s.unLocode() : s.name() + " (" + s.unLocode() + ")"))
                    .append("</th><td>").append(esc(s.role().name().toLowerCase())).append("</td><td>")
                    .append(times(s.arrival())).append("</td><td>").append(times(s.departure())).append("</td></tr>\n");
        }
        t.append("</tbody></table></section>\n");
        return t.toString();
    }

    static String describe(PublicRoute route) {
        DeliveryRoute.Position p = route.position();
        String where = switch (p.kind()) {
            case NOT_STARTED -> "Not departed yet" + (p.at() == null ? "" : " from " + name(route, p.at()));
            case AT_NODE -> "At " + name(route, p.at()) + " since " + TIME.format(p.since());
            case ON_LEG -> "On the way from " + name(route, p.from()) + " to " + name(route, p.to())
                    + (p.progress() == null ? "" : " (" + Math.round(p.progress() * 100) + "% of the leg by time)");
            case ARRIVED -> "Arrived at " + name(route, p.at()) + " on " + TIME.format(p.since());
        };
        DeliveryRoute.Eta eta = route.eta();
        if (eta != null && eta.at() != null && p.kind() != DeliveryRoute.PositionKind.ARRIVED) {
            where += ". ETA " + name(route, eta.unLocode()) + ": " + TIME.format(eta.at()) + " ("
                    + ("EST".equals(eta.basis()) ? "estimated" : "PLN".equals(eta.basis()) ? "planned" : "actual") + ")";
        }
        return where + ".";
    }

    private static String name(PublicRoute route, String code) {
        return route.stops().stream().filter(s -> s.unLocode().equals(code)).findFirst()
                .map(s -> s.name() == null ? code : s.name()).orElse(code);
    }

    private static String times(DeliveryRoute.Times t) {
        return esc(fmt(t.planned())) + " / " + esc(fmt(t.estimated())) + " / " + esc(fmt(t.actual()));
    }

    private static String fmt(Instant i) {
        return i == null ? "-" : TIME.format(i);
    }

    private static String codeForm(String referenceNumber, String hint) {
        return "<form method=\"get\" action=\"/routes/" + esc(URLEncoder.encode(referenceNumber, StandardCharsets.UTF_8)
                .replace("+", "%20")) + "\"><p>" + esc(hint) + "</p><label>Verification code "
                + "<input name=\"code\" autocomplete=\"off\" maxlength=\"4096\" required></label> "
                + "<button type=\"submit\">Show the route</button></form>";
    }

    private static String document(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - OriginBridge</title>"
                + "<link rel=\"stylesheet\" href=\"/embed/originbridge-route.css\">"
                + "<script src=\"/embed/originbridge-route.js\" defer></script>"
                + "<script src=\"/embed/route-page.js\" defer></script></head>\n"
                + "<body class=\"ob-route-page\"><main><h1>" + esc(title) + "</h1>\n" + body + "</main></body></html>\n";
    }

    private ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", policy).header("Referrer-Policy", "no-referrer").body(body);
    }

    /** HTML escaping for text and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
