package org.originbridge.asw.domain;

/**
 * VERIFIED / NOT_VERIFIED are the destination channel's answers (NOT_VERIFIED also when a verified
 * certificate is later revoked); FAILED means the channel refused the request for good (a 4xx), so
 * the declaration could not be verified: the event still records it, with the reason;
 * NOT_APPLICABLE means no destination channel verifies it (the destination is not an RCEP Party, or
 * its channel is not configured here), with the reason: never a fake VERIFIED.
 */
public enum Outcome { VERIFIED, NOT_VERIFIED, FAILED, NOT_APPLICABLE }
