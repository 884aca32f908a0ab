package org.originbridge.status.config;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The delivery route map ({@code /routes/{referenceNumber}} and {@code <originbridge-route>}).
 *
 * @param tileUrl         an optional XYZ tile URL template ({@code https://.../{z}/{x}/{y}.png}) for
 *                        production; empty (default): the shipped Natural Earth coastline only, no
 *                        tile server is called
 * @param tileAttribution the attribution the tile provider requires
 * @param landmarks       UN/LOCODEs always marked on the map (default Yangshan, Cai Mep, Port Klang)
 */
@Validated
@ConfigurationProperties("originbridge.status.map")
public record RouteMapProperties(
        @NotNull @DefaultValue("") @Pattern(regexp = "|https://[^\\s\"'<>]+", message = "must be empty or an https URL template")
        String tileUrl,
        @NotNull @DefaultValue("") @Size(max = 200) String tileAttribution,
        @NotNull @DefaultValue({"CNYSA", "VNCMT", "MYPKG"}) @Size(max = 20) List<String> landmarks) {
}
