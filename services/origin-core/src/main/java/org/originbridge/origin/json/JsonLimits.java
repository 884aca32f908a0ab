package org.originbridge.origin.json;

import org.originbridge.origin.InputLimits;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson's own read limits for every declaration or origin-request JSON reader (origin-core's and intake's),
 * derived from {@link InputLimits}: the tokenizer refuses a number longer than a decimal may be, a document
 * nested deeper than any declaration is, and oversized strings or names, before any tree is built.
 */
public final class JsonLimits {
    /** Nesting of objects and arrays: a declaration nests 5 levels; 32 leaves room and stops stack games. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Characters in one string value: the document's bound, so that a field's own, smaller limit names the field. */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;
    /** Characters in one property name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Characters in one document: an upper bound even where no HTTP limit applies (CLI, tests). */
    public static final long MAX_DOCUMENT_LENGTH = 4L * 1024 * 1024;

    private JsonLimits() {
    }

    /** The constraints, for {@code JsonFactory.builder().streamReadConstraints(...)}. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(InputLimits.DEFAULT.maxDecimalDigits())
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build();
    }

    /** A JSON factory reading under {@link #constraints()}: pass it to {@code JsonMapper.builder(factory)}. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(constraints()).build();
    }
}
