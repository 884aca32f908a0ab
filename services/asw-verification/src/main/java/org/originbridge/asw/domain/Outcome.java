package org.originbridge.asw.domain;

/**
 * VERIFIED / NOT_VERIFIED are ASW's answers; FAILED means ASW refused the request for good (a
 * 4xx), so the declaration could not be verified: the event still records it, with the reason.
 */
public enum Outcome { VERIFIED, NOT_VERIFIED, FAILED }
