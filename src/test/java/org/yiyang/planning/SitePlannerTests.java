package org.yiyang.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SitePlannerTests {

    private final SitePlanner heuristic = new SitePlanner(SitePlanner.Settings.defaults().heuristicOnly());
    private final SitePlanner exact = new SitePlanner();

    @BeforeAll
    static void scipLoadsOnThisMachine() {
        assertThat(SitePlanner.exactSolverAvailable()).as(SitePlanner.exactSolverUnavailableReason()).isTrue();
    }

    @Test
    void heuristicReachesTheProvenOptimumOnTwentySmallCities() {
        int greedyMisses = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            PlanningProblem problem = CityInstances.small(seed, 200 + r.nextInt(301), 50 + r.nextInt(51));
            int k = 3 + r.nextInt(8);
            SitePlan optimum = exact.solveExactly(problem, k, Duration.ofSeconds(60));
            assertThat(optimum.provenOptimal()).as("seed %d: SCIP proves the optimum", seed).isTrue();
            SitePlan plan = heuristic.plan(problem, k, Duration.ofMillis(400));
            assertThat(plan.sites()).hasSize(k);
            assertThat(plan.coveredWeight()).as("seed %d, k %d", seed, k).isEqualTo(optimum.coveredWeight());
            assertThat(plan.upperBound()).isGreaterThanOrEqualTo(optimum.coveredWeight());
            if (heuristic.plan(problem, k, Duration.ZERO).coveredWeight() < optimum.coveredWeight()) greedyMisses++;
        }
        assertThat(greedyMisses).as("greedy + descent alone misses the optimum on most of these").isGreaterThanOrEqualTo(10);
    }

    @Test
    void heuristicIsWithinOnePercentOfTheOptimumOnAMediumCity() {
        CityInstances.Points demand = CityInstances.demand(42, 3_000, 6_000, 25, 10, 2_000);
        CityInstances.Points candidates = CityInstances.candidatesNearDemand(42, 800, demand, 100);
        PlanningProblem problem = CityInstances.problem(demand, candidates, 500);
        SitePlan optimum = exact.solveExactly(problem, 30, Duration.ofSeconds(120));
        assertThat(optimum.provenOptimal()).isTrue();
        SitePlan plan = heuristic.plan(problem, 30, Duration.ofSeconds(3));
        assertThat(plan.coveredWeight()).isLessThanOrEqualTo(optimum.coveredWeight())
                .isGreaterThanOrEqualTo(0.99 * optimum.coveredWeight());
        SitePlan greedy = heuristic.plan(problem, 30, Duration.ZERO);
        assertThat(plan.coveredWeight()).as("the search improves on greedy + descent").isGreaterThanOrEqualTo(greedy.coveredWeight());
    }

    @Test
    void portfolioStopsAsSoonAsScipProvesTheOptimum() {
        PlanningProblem problem = CityInstances.small(7, 400, 80);
        SitePlan plan = exact.plan(problem, 5, Duration.ofSeconds(30));
        assertThat(plan.provenOptimal()).isTrue();
        assertThat(plan.upperBound()).isEqualTo(plan.coveredWeight());
        assertThat(plan.elapsed()).isLessThan(Duration.ofSeconds(20));
        assertThat(plan.coveredWeight()).isEqualTo(exact.solveExactly(problem, 5, Duration.ofSeconds(30)).coveredWeight());
    }

    @Test
    void demandAlreadyCoveredCountsButDoesNotAttractSites() {
        // two clusters of 10 elders each, the first already served by an existing facility
        PlanningProblem.Builder b = PlanningProblem.builder();
        int[] first = new int[10];
        int[] second = new int[10];
        for (int i = 0; i < 10; i++) first[i] = b.demand(1, true);
        for (int i = 0; i < 10; i++) second[i] = b.demand(1, false);
        int lone = b.demand(3, false);
        b.candidate("near-existing", first);
        b.candidate("second-cluster", second);
        b.candidate("half-second", Arrays.copyOf(second, 5));
        b.candidate("lone", new int[] {lone});
        PlanningProblem problem = b.build();
        SitePlan plan = heuristic.plan(problem, 2, Duration.ofMillis(200));
        assertThat(plan.sites()).extracting(PlannedSite::id).containsExactly("second-cluster", "lone");
        assertThat(plan.sites()).extracting(PlannedSite::marginalGain).containsExactly(10.0, 3.0);
        assertThat(plan.alreadyCoveredWeight()).isEqualTo(10);
        assertThat(plan.coveredWeight()).isEqualTo(23);
        assertThat(plan.newlyCoveredWeight()).isEqualTo(13);
        assertThat(plan.totalWeight()).isEqualTo(23);
        assertThat(plan.provenOptimal()).as("everything coverable is covered").isTrue();
    }

    @Test
    void sitesAreOrderedByMarginalGainWhichAddUpToTheCoveredWeight() {
        PlanningProblem problem = CityInstances.small(3, 500, 100);
        SitePlan plan = heuristic.plan(problem, 8, Duration.ofMillis(300));
        double sum = plan.sites().stream().mapToDouble(PlannedSite::marginalGain).sum();
        assertThat(sum).isCloseTo(plan.newlyCoveredWeight(), within(1e-6));
        for (int i = 1; i < plan.sites().size(); i++) {
            assertThat(plan.sites().get(i).marginalGain()).isLessThanOrEqualTo(plan.sites().get(i - 1).marginalGain());
        }
        assertThat(heuristic.evaluate(problem, plan.candidates()).coveredWeight()).isEqualTo(plan.coveredWeight());
        assertThat(Arrays.stream(plan.candidates()).distinct().count()).isEqualTo(8);
    }

    @Test
    void askingForMoreSitesThanCandidatesChoosesThemAll() {
        PlanningProblem problem = CityInstances.small(5, 300, 12);
        SitePlan plan = heuristic.plan(problem, 20, Duration.ofMillis(100));
        assertThat(plan.sites()).hasSize(12);
        assertThat(plan.provenOptimal()).isTrue();
        assertThat(plan.coveredWeight()).isEqualTo(heuristic.evaluate(problem, java.util.stream.IntStream.range(0, 12).toArray()).coveredWeight());
    }

    @Test
    void sitesThatAddNothingStillFillThePlan() {
        PlanningProblem.Builder b = PlanningProblem.builder();
        int d = b.demand(5);
        b.candidate("a", new int[] {d});
        b.candidate("b", new int[] {d});
        b.candidate("c", new int[0]);
        SitePlan plan = heuristic.plan(b.build(), 2, Duration.ofMillis(100));
        assertThat(plan.sites()).hasSize(2);
        assertThat(plan.coveredWeight()).isEqualTo(5);
        assertThat(plan.sites().get(1).marginalGain()).isZero();
        assertThat(plan.provenOptimal()).isTrue();
    }
}
