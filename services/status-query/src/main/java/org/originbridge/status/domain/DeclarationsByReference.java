package org.originbridge.status.domain;

import java.util.List;

/** Port: the declarations whose consignment a logistics event names (transport document, booking or container). */
public interface DeclarationsByReference {

    List<String> declarationIdsReferencedBy(LogisticsEvent event);
}
