package org.originbridge.logistics.domain;

import java.util.Optional;

/** Port: keeps the port feed's watermark across restarts. */
public interface WatermarkStore {

    Optional<Watermark> load();

    void save(Watermark watermark);
}
