package org.originbridge.logistics;

import java.io.IOException;
import java.io.InputStream;

/** The sample interchanges under src/test/resources/edifact. */
public final class EdifactSamples {

    public static final String COARRI_DISCHARGE_PORT_KLANG = "coarri-discharge-port-klang.edi";
    public static final String COARRI_LOAD_YANGSHAN = "coarri-load-yangshan.edi";
    public static final String CODECO_GATE_CAI_MEP = "codeco-gate-cai-mep.edi";

    private EdifactSamples() {
    }

    public static byte[] read(String name) {
        try (InputStream in = EdifactSamples.class.getResourceAsStream("/edifact/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("sample " + name + " unreadable", e);
        }
    }
}
