package org.yiyang.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiyang.dispatch.CandidatePool;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverDirectory;
import org.yiyang.provider.CaregiverSkill;

/**
 * The caregivers who can work in the coming week, loaded from the {@link CaregiverDirectory}: for
 * every skill and each of the next seven days (so every weekday's shift is seen), the union by id.
 * The directory already leaves out inactive caregivers, inactive providers and certificates expired
 * today; the chooser checks the certificate against the visit's day again. A new snapshot is built
 * completely and then swapped in atomically; readers never wait.
 */
public final class DirectoryCandidatePool implements CandidatePool, Supplier<CandidateIndex> {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCandidatePool.class);

    private final CaregiverDirectory directory;
    private final Clock clock;
    private final double cellMeters;
    private final AtomicReference<CandidateIndex> current = new AtomicReference<>();
    private final Object loading = new Object();

    public DirectoryCandidatePool(CaregiverDirectory directory, Clock clock, double cellMeters) {
        this.directory = directory;
        this.clock = clock;
        this.cellMeters = cellMeters;
    }

    /** The current snapshot, loading the first one if there is none yet. */
    @Override
    public CandidateIndex get() {
        CandidateIndex index = current.get();
        if (index == null) {
            synchronized (loading) {
                index = current.get();
                if (index == null) {
                    index = load();
                    current.set(index);
                }
            }
        }
        return index;
    }

    @Override
    public void refresh() {
        synchronized (loading) {
            current.set(load());
        }
    }

    @Override
    public int size() {
        CandidateIndex index = current.get();
        return index == null ? 0 : index.size();
    }

    @Override
    public Instant loadedAt() {
        CandidateIndex index = current.get();
        return index == null ? Instant.EPOCH : index.loadedAt();
    }

    private CandidateIndex load() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        // one query; certificates, days and hours are the chooser's to check per visit
        List<CaregiverCandidate> caregivers = directory.activeCaregivers();
        CandidateIndex index = new CandidateIndex(caregivers, cellMeters, clock.instant());
        log.info("Dispatch index: {} caregivers loaded in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
        return index;
    }
}
