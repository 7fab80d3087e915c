package org.yiyang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiyang.dispatch.DispatchFixtures.*;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yiyang.dispatch.internal.DispatchSettings;
import org.yiyang.dispatch.internal.IndexedCandidateChooser;
import org.yiyang.provider.CaregiverSkill;

/** The dispatch rules, one test (or a small group) per rule; no Spring, a fixed clock (Monday 08:30). */
class CandidateChooserTests {

    @Test
    void nearestQualifiedCaregiverWins() {
        DispatchResult result = chooser(caregiver(1, 3_000), caregiver(2, 800), caregiver(3, 2_000)).choose(bathingAt9());

        assertThat(ids(result)).containsExactly(2L, 3L, 1L);
        DispatchCandidate best = ((DispatchResult.Candidates) result).best();
        assertThat(best.distanceMeters()).isBetween(795L, 805L);
        assertThat(best.travelSeconds()).isEqualTo(Math.round(best.home().distanceMeters(ELDER) * 1.3 / (15 / 3.6)));
        assertThat(best.reasons()).containsExactly(CandidateReason.NEAREST);
        assertThat(best.providerId()).isEqualTo(102);
    }

    @Test
    void expiredCertificateIsExcluded() {
        DispatchResult result = chooser(caregiver(1, 500).expiring(MONDAY.minusDays(1)), caregiver(2, 1_500))
                .choose(bathingAt9());

        assertThat(ids(result)).containsExactly(2L);
    }

    @Test
    void certificateExpiringOnTheDayStillQualifiesAndIsFlagged() {
        DispatchResult result = chooser(caregiver(1, 500).expiring(MONDAY)).choose(bathingAt9());

        assertThat(ids(result)).containsExactly(1L);
        assertThat(((DispatchResult.Candidates) result).best().reasons()).contains(CandidateReason.CERTIFICATE_EXPIRING);
    }

    @Test
    void wrongSkillIsExcluded() {
        DispatchResult result = chooser(caregiver(1, 500).skills(CaregiverSkill.MEAL, CaregiverSkill.CLEANING),
                caregiver(2, 1_500)).choose(bathingAt9());

        assertThat(ids(result)).containsExactly(2L);
    }

    @Test
    void serviceWithoutSkillMayGoToAnyone() {
        DispatchResult result = chooser(caregiver(1, 500).skills(CaregiverSkill.CLEANING), caregiver(2, 1_500))
                .choose(window(null, 9, 0, 10, 0, 30));

        assertThat(ids(result)).containsExactly(1L, 2L);
    }

    @Nested
    class OffDuty {

        @Test
        void notWorkingThatDayIsExcluded() {
            DispatchResult result = chooser(caregiver(1, 500).shift(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 8, 18),
                    caregiver(2, 1_500)).choose(bathingAt9());

            assertThat(ids(result)).containsExactly(2L);
        }

        @Test
        void shiftNotCoveringTheHoursIsExcluded() {
            DispatchResult result = chooser(caregiver(1, 500).shift(EnumSet.allOf(DayOfWeek.class), 13, 19),
                    caregiver(2, 1_500)).choose(bathingAt9());

            assertThat(ids(result)).containsExactly(2L);
        }

        @Test
        void windowEndingAfterTheShiftIsExcluded() {
            CandidateChooser chooser = chooser(caregiver(1, 500), caregiver(2, 1_500).shift(EnumSet.allOf(DayOfWeek.class), 8, 19));

            assertThat(ids(chooser.choose(window(CaregiverSkill.BATHING, 16, 0, 17, 30, 30)))).containsExactly(2L);
            assertThat(ids(chooser.choose(window(CaregiverSkill.BATHING, 16, 0, 17, 0, 30)))).containsExactly(1L, 2L);
        }

        @Test
        void serviceOutlastingTheShiftIsExcluded() {
            CandidateChooser chooser = chooser(caregiver(1, 500), caregiver(2, 1_500).shift(EnumSet.allOf(DayOfWeek.class), 8, 19));

            assertThat(ids(chooser.choose(window(CaregiverSkill.BATHING, 16, 0, 16, 30, 60)))).containsExactly(1L, 2L);
            assertThat(ids(chooser.choose(window(CaregiverSkill.BATHING, 16, 0, 16, 30, 90)))).containsExactly(2L);
        }

        @Test
        void asSoonAsPossibleNeedsTheCaregiverOnDutyNowUntilTheServiceEnds() {
            CandidateChooser chooser = chooser(
                    caregiver(1, 500).shift(EnumSet.allOf(DayOfWeek.class), 9, 17),   // not yet at work at 08:30
                    caregiver(2, 700).shift(EnumSet.allOf(DayOfWeek.class), 8, 9),    // 08:30 + travel + 60 min > 09:00
                    caregiver(3, 900));                                                // 08:00-17:00

            DispatchResult result = chooser.choose(DispatchRequest.asap(ELDER_ID, CaregiverSkill.BATHING, ELDER, MONDAY, 60));

            assertThat(ids(result)).containsExactly(3L);
            assertThatThrownBy(() -> chooser.choose(DispatchRequest.asap(ELDER_ID, CaregiverSkill.BATHING, ELDER, MONDAY.plusDays(1), 60)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void overloadedIsExcluded() {
        InMemoryCaregiverLoad load = new InMemoryCaregiverLoad().add(1, MONDAY, 6).add(2, MONDAY, 5).add(2, MONDAY.plusDays(1), 6);
        DispatchResult result = chooser(List.of(caregiver(1, 500), caregiver(2, 1_500)), load, new InMemoryServiceHistory(),
                CaregiverRatings.UNRATED, DispatchSettings.defaults()).choose(bathingAt9());

        assertThat(ids(result)).containsExactly(2L);
        assertThat(((DispatchResult.Candidates) result).best().load()).isEqualTo(5);
        assertThat(((DispatchResult.Candidates) result).best().maxDailyOrders()).isEqualTo(6);
    }

    @Test
    void aBatchReadsTheLoadsOnceAndCountsItsOwnOffers() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        InMemoryCaregiverLoad stored = new InMemoryCaregiverLoad().add(1, MONDAY, 5);
        CaregiverLoad counted = new CaregiverLoad() {
            @Override
            public int ordersOn(long caregiverId, java.time.LocalDate day) {
                return stored.ordersOn(caregiverId, day);
            }

            @Override
            public java.util.Map<Long, Integer> ordersOn(java.util.Collection<Long> ids, java.time.LocalDate day) {
                reads.incrementAndGet();
                return stored.ordersOn(ids, day);
            }
        };
        IndexedCandidateChooser chooser = (IndexedCandidateChooser) chooser(List.of(caregiver(1, 500), caregiver(2, 1_500)),
                counted, new InMemoryServiceHistory(), CaregiverRatings.UNRATED, DispatchSettings.defaults());

        IndexedCandidateChooser.Batch batch = chooser.batch(List.of(bathingAt9(), bathingAt9(), bathingAt9()));
        assertThat(reads.get()).as("one read of the loads for the whole batch").isEqualTo(1);

        // 1 has 5 of 6 orders: the first order goes to 1, which is then full; the next ones go to 2
        assertThat(ids(batch.choose(0))).containsExactly(1L, 2L);
        batch.offered(1, MONDAY);
        assertThat(ids(batch.choose(1))).containsExactly(2L);
        batch.offered(2, MONDAY);
        DispatchResult third = batch.choose(2);
        assertThat(ids(third)).containsExactly(2L);
        assertThat(((DispatchResult.Candidates) third).best().load()).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void continuityKnownToTheRequestIsNotLookedUpAgain() {
        ServiceHistory failing = elderId -> {
            throw new AssertionError("history looked up although the request knows it");
        };
        CandidateChooser chooser = chooser(List.of(caregiver(1, 1_000), caregiver(2, 1_150)), new InMemoryCaregiverLoad(),
                failing, CaregiverRatings.UNRATED, DispatchSettings.defaults());

        assertThat(ids(chooser.choose(bathingAt9().servedBefore(Set.of(2L))))).containsExactly(2L, 1L);
        assertThat(ids(chooser.choose(bathingAt9().servedBefore(Set.of())))).containsExactly(1L, 2L);
    }

    @Test
    void beyondTheRadiusIsExcluded() {
        CandidateChooser chooser = chooser(caregiver(1, 5_100), caregiver(2, 4_900), caregiver(3, 12_000));

        assertThat(ids(chooser.choose(bathingAt9()))).containsExactly(2L);
        CandidateChooser wider = chooser(List.of(caregiver(1, 5_100), caregiver(2, 4_900), caregiver(3, 12_000)),
                new InMemoryCaregiverLoad(), new InMemoryServiceHistory(), CaregiverRatings.UNRATED,
                DispatchSettings.defaults().withMaxRadiusMeters(15_000));
        assertThat(ids(wider.choose(bathingAt9()))).containsExactly(2L, 1L, 3L);
    }

    @Test
    void caregiversWhoDeclinedAreExcluded() {
        DispatchResult result = chooser(caregiver(1, 500), caregiver(2, 1_500)).choose(bathingAt9().excluding(Set.of(1L)));

        assertThat(ids(result)).containsExactly(2L);
    }

    @Test
    void continuityBreaksATie() {
        InMemoryServiceHistory history = new InMemoryServiceHistory().served(ELDER_ID, 2).served(ELDER_ID + 1, 1);
        // 150 m further = 47 s more by e-bike (within 60 s); 300 m further = 94 s (not a tie)
        CandidateChooser chooser = chooser(List.of(caregiver(1, 1_000), caregiver(2, 1_150)), new InMemoryCaregiverLoad(),
                history, CaregiverRatings.UNRATED, DispatchSettings.defaults());
        CandidateChooser notTied = chooser(List.of(caregiver(1, 1_000), caregiver(2, 1_300)), new InMemoryCaregiverLoad(),
                history, CaregiverRatings.UNRATED, DispatchSettings.defaults());

        DispatchResult result = chooser.choose(bathingAt9());
        assertThat(ids(result)).containsExactly(2L, 1L);
        assertThat(((DispatchResult.Candidates) result).best().reasons())
                .containsExactlyInAnyOrder(CandidateReason.SERVED_BEFORE, CandidateReason.TIED);
        assertThat(ids(notTied.choose(bathingAt9()))).containsExactly(1L, 2L);
    }

    @Test
    void ratingBreaksTheRemainingTie() {
        CaregiverRatings ratings = id -> id == 2 ? 4.8 : id == 3 ? 4.9 : CaregiverRatings.NEUTRAL;
        InMemoryServiceHistory history = new InMemoryServiceHistory().served(ELDER_ID, 1).served(ELDER_ID, 2);
        CandidateChooser chooser = chooser(List.of(caregiver(1, 1_000), caregiver(2, 1_100), caregiver(3, 1_050)),
                new InMemoryCaregiverLoad(), history, ratings, DispatchSettings.defaults());

        // 1 and 2 both served the elder: 2 is better rated; 3 is the best rated but a stranger to the elder
        assertThat(ids(chooser.choose(bathingAt9()))).containsExactly(2L, 1L, 3L);

        CandidateChooser strict = chooser(List.of(caregiver(1, 1_000), caregiver(2, 1_100), caregiver(3, 1_050)),
                new InMemoryCaregiverLoad(), history, ratings, DispatchSettings.defaults().withTieTolerance(Duration.ZERO));
        assertThat(ids(strict.choose(bathingAt9()))).containsExactly(1L, 3L, 2L);
    }

    @Test
    void returnsAtMostTheConfiguredNumberOfCandidates() {
        List<Caregiver> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(caregiver(i, i * 100));
        }
        DispatchResult result = chooser(many, new InMemoryCaregiverLoad(), new InMemoryServiceHistory(),
                CaregiverRatings.UNRATED, DispatchSettings.defaults()).choose(bathingAt9());

        assertThat(ids(result)).hasSize(20).startsWith(1L, 2L, 3L);
    }

    @Nested
    class NoCandidateReason {

        private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

        NoCandidateReason() {
            messages.setBasenames("messages/dispatch", "messages/caregiver");
            messages.setDefaultEncoding("UTF-8");
            messages.setFallbackToSystemLocale(false);
        }

        private NoCandidate none(CandidateChooser chooser, DispatchRequest request) {
            DispatchResult result = chooser.choose(request);
            assertThat(result).isInstanceOf(NoCandidate.class);
            return (NoCandidate) result;
        }

        @Test
        void tooFarIsNamedInBothLanguages() {
            NoCandidate none = none(chooser(caregiver(1, 6_000), caregiver(2, 100).skills(CaregiverSkill.MEAL)), bathingAt9());

            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.TOO_FAR);
            assertThat(none.eliminated()).containsEntry(DispatchFilter.SKILL, 1).containsEntry(DispatchFilter.TOO_FAR, 1);
            assertThat(none.reason(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有在该时段内、5 公里内具备助浴技能的护理员");
            assertThat(none.reason(messages, Locale.ENGLISH)).isEqualTo("no caregiver with Bathing within 5 km in that window");
        }

        @Test
        void skillIsNamedWhenNobodyHasIt() {
            NoCandidate none = none(chooser(caregiver(1, 500)), window(CaregiverSkill.REHAB, 9, 0, 10, 0, 45));

            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.SKILL);
            assertThat(none.reason(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有具备康复护理技能的护理员");
        }

        @Test
        void skillIsNamedWhenThereIsNobodyAtAll() {
            assertThat(none(chooser(), bathingAt9()).eliminatedBy()).isEqualTo(DispatchFilter.SKILL);
        }

        @Test
        void certificateIsNamedWhenAllHaveExpired() {
            NoCandidate none = none(chooser(caregiver(1, 500).expiring(MONDAY.minusDays(3)), caregiver(2, 200).skills(CaregiverSkill.MEAL)),
                    bathingAt9());

            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.CERTIFICATE);
            assertThat(none.reason(messages, Locale.ENGLISH)).isEqualTo("every caregiver with Bathing has a certificate expired by 2026-11-23");
        }

        @Test
        void offDutyIsNamedWhenNobodyWorksInTheWindow() {
            NoCandidate none = none(chooser(caregiver(1, 500), caregiver(2, 9_000).expiring(MONDAY.minusDays(1))),
                    window(CaregiverSkill.BATHING, 18, 0, 19, 0, 60));

            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.OFF_DUTY);
            assertThat(none.reason(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有在该时段内具备助浴技能的护理员");
        }

        @Test
        void overloadedIsNamedWhenEveryoneNearIsFullyBooked() {
            CandidateChooser chooser = chooser(List.of(caregiver(1, 500).maxDaily(2), caregiver(2, 8_000)),
                    new InMemoryCaregiverLoad().add(1, MONDAY, 2), new InMemoryServiceHistory(), CaregiverRatings.UNRATED,
                    DispatchSettings.defaults());

            NoCandidate none = none(chooser, bathingAt9());
            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.OVERLOADED);
            assertThat(none.eliminated()).containsEntry(DispatchFilter.TOO_FAR, 1).containsEntry(DispatchFilter.OVERLOADED, 1);
            assertThat(none.reason(messages, Locale.ENGLISH))
                    .isEqualTo("every caregiver with Bathing within 5 km in that window is fully booked that day");
        }

        @Test
        void declinedIsNamedWhenEveryoneNearHasRefused() {
            NoCandidate none = none(chooser(caregiver(1, 500), caregiver(2, 900)), bathingAt9().excluding(Set.of(1L, 2L)));

            assertThat(none.eliminatedBy()).isEqualTo(DispatchFilter.DECLINED);
            assertThat(none.eliminated()).containsEntry(DispatchFilter.DECLINED, 2);
        }

        @Test
        void aServiceWithoutSkillSaysSo() {
            NoCandidate none = none(chooser(caregiver(1, 9_000)), window(null, 9, 0, 10, 0, 30));

            assertThat(none.reason(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("没有在该时段内、5 公里内具备相应技能的护理员");
        }
    }

    @Test
    void requestsRejectReversedWindowsAndImpossibleDurations() {
        assertThatThrownBy(() -> window(CaregiverSkill.BATHING, 10, 0, 9, 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window(CaregiverSkill.BATHING, 9, 0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DispatchRequest(1, CaregiverSkill.MEAL, ELDER, MONDAY, LocalTime.NOON, null, 30, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
