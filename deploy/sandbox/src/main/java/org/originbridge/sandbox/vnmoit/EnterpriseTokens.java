package org.originbridge.sandbox.vnmoit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The token MOIT issued each enterprise, from {@code enterpriseCode=token,...}; none in the repository. */
public record EnterpriseTokens(Map<String, String> byEnterprise) {

    public EnterpriseTokens {
        byEnterprise = Map.copyOf(byEnterprise);
    }

    public static EnterpriseTokens parse(String pairs) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String entry : pairs == null ? new String[0] : pairs.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("sandbox.vn-moit.enterprise-tokens: an entry is not enterpriseCode=token");
            }
            tokens.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
        }
        return new EnterpriseTokens(tokens);
    }

    public Optional<String> of(String enterpriseCode) {
        return Optional.ofNullable(byEnterprise.get(enterpriseCode));
    }
}
