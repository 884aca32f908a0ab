package org.originbridge.intake.domain;

import java.util.Optional;

/**
 * Port: who owns a declaration id and a reference number. The first exporter tenant that uses
 * one owns it for good; claiming is insert-if-absent, so claiming again for the same tenant
 * changes nothing and a claim by another tenant is refused.
 */
public interface DeclarationOwnership {

    /** Which kind of identifier is owned. */
    enum Kind { DECLARATION_ID, REFERENCE_NUMBER }

    /** The tenant that owns the identifier, if any. */
    Optional<String> owner(Kind kind, String value);

    /** Claims the identifier for the tenant unless owned; returns the owner afterwards. */
    String claim(Kind kind, String value, String tenant);
}
