package org.yiyang.coverage;

import java.util.List;

/**
 * What a CSV import of candidate sites did: the lines read and the sites stored — none at all when
 * any line has a problem (each problem names its line, its column and what is wrong).
 */
public record CandidateImport(int lines, int stored, List<LineProblem> problems) {

    public CandidateImport {
        problems = List.copyOf(problems);
    }

    /** A problem of one line: {@code column} is name, address, lat, lng, region, note or line (the line as a whole). */
    public record LineProblem(int line, String column, String code, List<String> args) {
        public LineProblem {
            args = List.copyOf(args);
        }
    }

    public boolean rejected() {
        return !problems.isEmpty();
    }
}
