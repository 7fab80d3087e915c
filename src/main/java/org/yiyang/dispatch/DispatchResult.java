package org.yiyang.dispatch;

import java.util.List;

/** The outcome of {@link CandidateChooser#choose}: ranked candidates, or why there are none. */
public sealed interface DispatchResult permits DispatchResult.Candidates, NoCandidate {

    /** At least one candidate, best first. */
    record Candidates(List<DispatchCandidate> ranked) implements DispatchResult {
        public Candidates {
            if (ranked.isEmpty()) {
                throw new IllegalArgumentException("candidates must not be empty; use NoCandidate");
            }
            ranked = List.copyOf(ranked);
        }

        public DispatchCandidate best() {
            return ranked.getFirst();
        }
    }
}
