package org.originbridge.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP input limits every service applies ({@code originbridge.limits.*}). The body limit is the outer
 * bound; a declaration's own limits (goods, materials, text, decimals, ids, rules) are origin-core's
 * {@code InputLimits}, the same for HTTP, Kafka and CSV.
 *
 * @param maxRequestSize     largest request body accepted (larger: 413 problem+json); default 1 MB, the
 *                           size of a Kafka record, which a declaration must fit into anyway
 * @param maxJsonDepth       nesting of objects/arrays in a JSON body read by Spring's mapper
 * @param maxJsonNumberLength characters of one JSON number
 * @param maxJsonStringLength characters of one JSON string
 * @param maxJsonNameLength  characters of one JSON property name
 */
@ConfigurationProperties("originbridge.limits")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxRequestSize,
                                      @DefaultValue("32") int maxJsonDepth,
                                      @DefaultValue("40") int maxJsonNumberLength,
                                      @DefaultValue("100000") int maxJsonStringLength,
                                      @DefaultValue("256") int maxJsonNameLength) {

    public RequestLimitsProperties {
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1024) {
            throw new IllegalArgumentException("originbridge.limits.max-request-size must be at least 1KB");
        }
    }
}
