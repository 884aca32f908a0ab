package org.originbridge.origin;

/** The codes carried by {@link FieldError}. Stable: clients may branch on them. */
public final class ErrorCodes {
    public static final String REQUIRED = "REQUIRED";
    public static final String INVALID_FORMAT = "INVALID_FORMAT";
    public static final String INVALID_HS_CODE = "INVALID_HS_CODE";
    public static final String INVALID_COUNTRY = "INVALID_COUNTRY";
    public static final String NOT_RCEP_PARTY = "NOT_RCEP_PARTY";
    public static final String INVALID_LOCODE = "INVALID_LOCODE";
    public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_UNIT = "INVALID_UNIT";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String INVALID_RULE = "INVALID_RULE";
    public static final String NO_RULE = "NO_RULE";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String INVALID_JSON = "INVALID_JSON";
    public static final String FOB_REQUIRED_FOR_RVC = "FOB_REQUIRED_FOR_RVC";
    public static final String BACK_TO_BACK_INCOMPLETE = "BACK_TO_BACK_INCOMPLETE";
    public static final String CERTIFICATION_REQUIRED = "CERTIFICATION_REQUIRED";
    public static final String APPROVED_EXPORTER_CODE_REQUIRED = "APPROVED_EXPORTER_CODE_REQUIRED";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String VALIDITY_EXPIRED = "VALIDITY_EXPIRED";
    public static final String DATE_ORDER = "DATE_ORDER";
    public static final String SAME_PARTY = "SAME_PARTY";
    /** A size, length, count or depth beyond {@link InputLimits}. */
    public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
    /** An identifier outside the safe alphabet ({@link org.originbridge.origin.code.Ids}). */
    public static final String INVALID_ID = "INVALID_ID";
    /** An identifier (declaration id, reference number) another tenant already uses. */
    public static final String OWNED_BY_ANOTHER_TENANT = "OWNED_BY_ANOTHER_TENANT";
    /** A query parameter, path segment or header the endpoint cannot use. */
    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    /** The last entry of a capped list of problems: how many more there were. */
    public static final String MORE_PROBLEMS = "MORE_PROBLEMS";

    private ErrorCodes() {
    }
}
