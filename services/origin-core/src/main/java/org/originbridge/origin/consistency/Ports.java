package org.originbridge.origin.consistency;

import org.originbridge.origin.code.UnLocode;

/**
 * How the report names and identifies ports: the node a UN/LOCODE belongs to (terminals and aliases of one
 * port are one node, e.g. CNSHA, CNSGH and CNYSA) and its display name. status-query's port directory is one.
 */
public interface Ports {

    /** The node the code belongs to; the parsed code itself when unknown; null when blank or unreadable. */
    String nodeOf(String code);

    /** The port's display name ("Port Klang"); the code when it has no name. */
    String nameOf(String code);

    /** Codes only: a node is the parsed UN/LOCODE (aliases applied), its name is the code. */
    static Ports codesOnly() {
        return new Ports() {
            @Override
            public String nodeOf(String code) {
                return Ports.parse(code);
            }

            @Override
            public String nameOf(String code) {
                String parsed = Ports.parse(code);
                return parsed == null ? String.valueOf(code) : parsed;
            }
        };
    }

    /** The parsed UN/LOCODE (trimmed, upper case, space removed, aliases applied), null when not one. */
    static String parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return UnLocode.parse(code).code();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
