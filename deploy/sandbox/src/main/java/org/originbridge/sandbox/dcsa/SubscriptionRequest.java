package org.originbridge.sandbox.dcsa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /dcsa/v2/event-subscriptions} body; the secret is never echoed back. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) String callbackUrl,
        @NotBlank @Size(min = 16, max = 256, message = "must be 16 to 256 characters") String secret,
        @Size(max = 20) String transportDocumentReference,
        List<@NotNull @Pattern(regexp = "SHIPMENT|EQUIPMENT|TRANSPORT", message = "must be SHIPMENT, EQUIPMENT or TRANSPORT")
                String> eventTypes) {}
