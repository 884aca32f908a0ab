package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
/** Port: hands a submitted declaration to processing (coo-declarations-submitted, key = declaration id). */
public interface SubmissionChannel {

    /** Returns once the broker acknowledged the declaration; throws {@link SubmissionNotAcknowledged} otherwise. */
    void submit(Declaration declaration);
}
