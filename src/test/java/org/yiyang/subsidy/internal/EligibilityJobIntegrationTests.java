package org.yiyang.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.IntegrationTest;
import org.yiyang.subsidy.EligibilityChanged;

/**
 * The birthday job: an elder turning 80 today becomes eligible for the old-age allowance and the
 * change is published; two nodes running the job at once evaluate each due elder exactly once.
 */
@IntegrationTest
@RecordApplicationEvents
class EligibilityJobIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired EligibilityEvaluator evaluator;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEvents events;

    final LocalDate today = LocalDate.now(EligibilityService.CHINA);

    /** An active elder of the first county (the city's rule: 80), aged 60–75, without results changing elsewhere. */
    long youngerElder(int skip) {
        return jdbc.sql("""
                        select elder_id from eligibility_elder
                         where region_code like '410902%' and status = 'ACTIVE'
                           and birth_date between current_date - interval '75 years' and current_date - interval '60 years'
                         order by elder_id desc offset ? limit 1""").param(skip).query(Long.class).single();
    }

    /** Makes the elder's copy say "born 80 years ago today", evaluated yesterday (so still 79 in the results). */
    void turnsEightyToday(long elderId) {
        jdbc.sql("update eligibility_elder set birth_date = ?, age_changes_on = ? where elder_id = ?")
                .params(Date.valueOf(today.minusYears(80)), Date.valueOf(today.minusDays(1)), elderId).update();
        new TransactionTemplate(transactions).executeWithoutResult(s -> evaluator.evaluateElder(elderId, today.minusDays(1)));
        assertThat(jdbc.sql("select age_changes_on from eligibility_elder where elder_id = ?").param(elderId)
                .query(LocalDate.class).single()).isEqualTo(today);
    }

    Boolean oldAgeAllowance(long elderId) {
        return jdbc.sql("select eligible from eligibility where elder_id = ? and benefit_code = 'OLD_AGE_ALLOWANCE'")
                .param(elderId).query(Boolean.class).single();
    }

    @Test
    void anElderTurningEightyTodayGetsTheOldAgeAllowanceFromTheDailyJobAndTheChangeIsPublished() {
        long elderId = youngerElder(0);
        turnsEightyToday(elderId);
        assertThat(oldAgeAllowance(elderId)).isFalse();
        assertThat(jdbc.sql("select reasons from eligibility where elder_id = ? and benefit_code = 'OLD_AGE_ALLOWANCE'")
                .param(elderId).query(String.class).single()).contains("\"79\"");

        evaluator.evaluateAgeChanges(today.minusDays(1));
        assertThat(oldAgeAllowance(elderId)).isFalse();

        EligibilityEvaluator.Counts counts = evaluator.evaluateAgeChanges(today);

        assertThat(counts.elders()).isPositive();
        assertThat(oldAgeAllowance(elderId)).isTrue();
        assertThat(events.stream(EligibilityChanged.class)
                .filter(e -> e.elderId() == elderId && e.benefitCode().equals("OLD_AGE_ALLOWANCE")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.eligible()).isTrue();
                    assertThat(e.reasons()).extracting(r -> r.code() + "=" + r.args()).containsExactly("age=[80, 80]");
                });
        assertThat(jdbc.sql("select age_changes_on from eligibility_elder where elder_id = ?").param(elderId)
                .query(LocalDate.class).single()).isEqualTo(today.plusYears(1));
        // nothing left for today: a second run finds no one
        assertThat(evaluator.evaluateAgeChanges(today).elders()).isZero();
    }

    @Test
    void twoNodesRunningTheJobAtOnceEvaluateEachDueElderOnce() throws Exception {
        List<Long> elders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long id = youngerElder(i);
            turnsEightyToday(id);
            elders.add(id);
        }
        // plenty of due rows so that both nodes have work: these elders' next evaluation day is moved back
        jdbc.sql("""
                update eligibility_elder set age_changes_on = ?
                 where elder_id in (select elder_id from eligibility_elder where region_code like '410923%' order by elder_id limit 1500)""")
                .param(Date.valueOf(today.minusDays(2))).update();
        long due = jdbc.sql("select count(*) from eligibility_elder where age_changes_on <= ?").param(Date.valueOf(today))
                .query(Long.class).single();
        assertThat(due).isGreaterThan(EligibilityEvaluator.AGE_BATCH);

        CountDownLatch start = new CountDownLatch(1);
        Callable<EligibilityEvaluator.Counts> node = () -> {
            start.await();
            return evaluator.evaluateAgeChanges(today);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<EligibilityEvaluator.Counts> a = pool.submit(node);
            Future<EligibilityEvaluator.Counts> b = pool.submit(node);
            start.countDown();
            long evaluated = a.get().elders() + b.get().elders();
            assertThat(evaluated).isEqualTo(due);
            assertThat(a.get().changes() + b.get().changes()).isGreaterThanOrEqualTo(elders.size());
        } finally {
            pool.shutdown();
        }
        elders.forEach(id -> assertThat(oldAgeAllowance(id)).isTrue());
        assertThat(jdbc.sql("select count(*) from eligibility_elder where age_changes_on <= ?").param(Date.valueOf(today))
                .query(Long.class).single()).isZero();
    }
}
