package org.yiyang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.dispatch.internal.CandidateIndex;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/** The grid finds exactly what a scan of everyone finds. */
class CandidateIndexTests {

    @Test
    void gridFindsTheSameCaregiversAsAFullScan() {
        Random random = new Random(11);
        List<CaregiverCandidate> caregivers = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            GeoPoint home = new GeoPoint(35.76 + (random.nextDouble() - 0.5) * 0.6, 115.03 + (random.nextDouble() - 0.5) * 0.7);
            EnumSet<CaregiverSkill> skills = EnumSet.of(CaregiverSkill.values()[random.nextInt(CaregiverSkill.values().length)]);
            caregivers.add(new CaregiverCandidate(i, 1, home, new RegionCode("410902001001"), skills,
                    DispatchFixtures.MONDAY, DispatchFixtures.WEEKDAYS_8_TO_17, 5));
        }
        for (double cell : new double[] {300, 1_000, 4_000}) {
            CandidateIndex index = new CandidateIndex(caregivers, cell, Instant.EPOCH);
            assertThat(index.size()).isEqualTo(3_000);
            for (int q = 0; q < 200; q++) {
                GeoPoint centre = new GeoPoint(35.76 + (random.nextDouble() - 0.5) * 0.7, 115.03 + (random.nextDouble() - 0.5) * 0.8);
                double radius = 500 + random.nextDouble() * 9_500;
                CaregiverSkill skill = q % 3 == 0 ? null : CaregiverSkill.values()[random.nextInt(CaregiverSkill.values().length)];
                Set<Long> found = new HashSet<>();
                index.forEachNear(skill, centre, radius, c -> {
                    if (c.home().distanceMeters(centre) <= radius) {
                        found.add(c.id());
                    }
                });
                Set<Long> expected = new HashSet<>();
                for (CaregiverCandidate c : caregivers) {
                    if ((skill == null || c.skills().contains(skill)) && c.home().distanceMeters(centre) <= radius) {
                        expected.add(c.id());
                    }
                }
                assertThat(found).as("cell %s, query %s", cell, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCaregiverListedTwiceIsIndexedOnce() {
        CaregiverCandidate c = DispatchFixtures.caregiver(1, 100).candidate();
        CandidateIndex index = new CandidateIndex(List.of(c, c), 1_000, Instant.EPOCH);
        List<Long> seen = new ArrayList<>();
        index.forEachNear(CaregiverSkill.BATHING, DispatchFixtures.ELDER, 1_000, x -> seen.add(x.id()));

        assertThat(index.size()).isEqualTo(1);
        assertThat(seen).containsExactly(1L);
    }
}
