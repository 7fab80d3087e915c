package org.yiyang.coverage.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one region or child region: elders, those covered, and the same weighted. Built from
 * the index in one pass over the elders under a region prefix, grouped by the first
 * {@code childDigits} digits of their community code.
 */
public final class CoverageTally {

    /** The counts of one group. */
    public static final class Counts {
        long elders;
        long covered;
        double weight;
        double coveredWeight;

        public long elders() {
            return elders;
        }

        public long covered() {
            return covered;
        }

        public double weight() {
            return weight;
        }

        public double coveredWeight() {
            return coveredWeight;
        }

        /** Covered / elders, 0 when there are none. */
        public double share() {
            return elders == 0 ? 0 : (double) covered / elders;
        }

        public double weightedShare() {
            return weight == 0 ? 0 : coveredWeight / weight;
        }
    }

    private final Counts total = new Counts();
    private final Map<String, Counts> groups;

    private CoverageTally(Map<String, Counts> groups) {
        this.groups = groups;
    }

    /**
     * @param prefix      the region's significant digits ("" for everything)
     * @param childDigits how many digits name a child (0: no grouping)
     * @param typeMask    the facility types that count (one type's bit, or all for "any")
     */
    public static CoverageTally of(CoverageIndex index, String prefix, int childDigits, int typeMask) {
        CoverageTally tally = new CoverageTally(new TreeMap<>());
        // elders come community by community: look the group up once per community
        String[] lastCommunity = {null};
        Counts[] lastGroup = {null};
        index.forEachElder(prefix, (slot, id, community, location, weight, mask) -> {
            boolean covered = (mask & typeMask) != 0;
            tally.add(tally.total, covered, weight);
            if (childDigits > 0 && community.length() >= childDigits) {
                if (!community.equals(lastCommunity[0])) {
                    lastCommunity[0] = community;
                    lastGroup[0] = tally.groups.computeIfAbsent(community.substring(0, childDigits), k -> new Counts());
                }
                tally.add(lastGroup[0], covered, weight);
            }
        });
        return tally;
    }

    private void add(Counts c, boolean covered, double weight) {
        c.elders++;
        c.weight += weight;
        if (covered) {
            c.covered++;
            c.coveredWeight += weight;
        }
    }

    public Counts total() {
        return total;
    }

    /** Counts per child prefix, ordered by prefix. */
    public Map<String, Counts> groups() {
        return new LinkedHashMap<>(groups);
    }

    /** The counts of one child prefix (empty counts when nobody lives there). */
    public Counts group(String childPrefix) {
        Counts c = groups.get(childPrefix);
        return c == null ? new Counts() : c;
    }
}
