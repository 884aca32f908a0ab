package org.originbridge.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** In-memory fakes of the ports, with the same guarded-write semantics as the MongoDB adapters. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    static final class Records implements SupplierRecords {
        final Map<String, SupplierRecord> stored = new HashMap<>();
        int staleWritesToSimulate;
        int failuresToSimulate;
        /** Writes refused because another writer had changed the record since it was read. */
        int lostGuards;

        @Override
        public synchronized Optional<SupplierRecord> find(String supplierId) {
            return Optional.ofNullable(stored.get(supplierId));
        }

        @Override
        public synchronized boolean save(SupplierRecord next, long expectedRevision) {
            if (failuresToSimulate > 0) {
                failuresToSimulate--;
                throw new IllegalStateException("database unavailable (simulated)");
            }
            if (staleWritesToSimulate > 0) {
                staleWritesToSimulate--;
                return false;
            }
            SupplierRecord current = stored.get(next.supplierId());
            long currentRevision = current == null ? 0 : current.revision();
            if (currentRevision != expectedRevision) {
                lostGuards++;
                return false;
            }
            long emitted = current == null ? next.emittedVersion() : current.emittedVersion();
            stored.put(next.supplierId(), new SupplierRecord(next.supplierId(), next.revision(), next.tally(),
                    next.asOf(), next.latest(), emitted, next.applied(), next.recountedAt()));
            return true;
        }

        @Override
        public synchronized void markEmitted(String supplierId, long version) {
            SupplierRecord r = stored.get(supplierId);
            if (r != null && r.emittedVersion() < version) {
                stored.put(supplierId, new SupplierRecord(supplierId, r.revision(), r.tally(), r.asOf(), r.latest(),
                        version, r.applied(), r.recountedAt()));
            }
        }
    }

    static final class Ledger implements DeclarationLedger {
        final Map<String, DeclarationRecord> stored = new LinkedHashMap<>();
        /** Fails the n-th save from now (1 = the next one); 0 = never. */
        int failSaveNumber;

        @Override
        public synchronized Optional<DeclarationRecord> find(String declarationId) {
            return Optional.ofNullable(stored.get(declarationId));
        }

        @Override
        public synchronized boolean save(DeclarationRecord next, long expectedVersion) {
            if (failSaveNumber > 0 && --failSaveNumber == 0) {
                throw new IllegalStateException("database unavailable (simulated)");
            }
            DeclarationRecord current = stored.get(next.declarationId());
            if ((current == null ? 0 : current.version()) != expectedVersion) {
                return false;
            }
            stored.put(next.declarationId(), next);
            return true;
        }

        @Override
        public synchronized Stream<DeclarationRecord> ofSupplier(String supplierId) {
            return List.copyOf(stored.values()).stream().filter(d -> d.supplierId().equals(supplierId));
        }
    }

    static final class Directory implements ConsignmentDirectory {
        final Map<String, Consignment> consignments = new LinkedHashMap<>();
        final Map<String, LogisticsObservation> events = new LinkedHashMap<>();

        @Override
        public synchronized void register(Consignment consignment) {
            consignments.put(consignment.declarationId(), consignment);
        }

        @Override
        public synchronized Optional<Consignment> resolve(LogisticsObservation o) {
            return Stream.<java.util.function.Predicate<Consignment>>of(
                            c -> o.transportDocumentReference() != null
                                    && o.transportDocumentReference().equals(c.transportDocumentReference()),
                            c -> o.bookingReference() != null && o.bookingReference().equals(c.bookingReference()),
                            c -> o.equipmentReference() != null && c.equipmentReferences().contains(o.equipmentReference()))
                    .map(p -> consignments.values().stream().filter(p)
                            .max(Comparator.comparing(Consignment::acceptedAt)))
                    .flatMap(Optional::stream).findFirst();
        }

        @Override
        public synchronized void remember(LogisticsObservation observation) {
            events.put(observation.event().eventId(), observation);
        }

        @Override
        public synchronized List<LogisticsObservation> eventsFor(Consignment c) {
            return events.values().stream().filter(o -> Objects.equals(o.transportDocumentReference(),
                            c.transportDocumentReference()) && o.transportDocumentReference() != null
                    || Objects.equals(o.bookingReference(), c.bookingReference()) && o.bookingReference() != null
                    || c.equipmentReferences().contains(o.equipmentReference())).toList();
        }
    }

    static final class Publisher implements ScorePublisher {
        final List<SupplierScore> sent = new ArrayList<>();
        int failuresToSimulate;

        @Override
        public synchronized void publish(SupplierScore score) {
            if (failuresToSimulate > 0) {
                failuresToSimulate--;
                throw new IllegalStateException("broker unavailable (simulated)");
            }
            sent.add(score);
        }
    }
}
