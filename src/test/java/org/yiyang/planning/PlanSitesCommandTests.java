package org.yiyang.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyang.shared.GeoPoint;

/** The plan-sites command, run in process the way {@code YiyangApplication.main} runs it. */
class PlanSitesCommandTests {

    @TempDir
    Path dir;

    private Locale locale;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void english() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
    }

    @Test
    void printsTheChosenIdsThenTheCoveredWeightAndNothingElse() throws IOException {
        CityInstances.Points demand = CityInstances.demand(11, 2_000, 3_000, 8, 1, 30);
        CityInstances.Points candidates = CityInstances.candidatesNearDemand(11, 150, demand, 150);
        Path d = dir.resolve("demand.csv");
        Path c = dir.resolve("candidates.csv");
        CityInstances.writeDemand(d, demand);
        CityInstances.writeCandidates(c, candidates);

        long started = System.nanoTime();
        int code = run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "500", "--k", "6", "--seconds", "2");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(code).as(err()).isZero();
        assertThat(seconds).isLessThan(2.0);
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(7);
        List<String> ids = lines.subList(0, 6);
        assertThat(new HashSet<>(ids)).hasSize(6);
        assertThat(lines.get(6)).matches("covered \\d+");
        // the covered weight is what those sites cover, recomputed with the shared distance
        List<String[]> demandRows = rows(d);
        List<String[]> candidateRows = rows(c);
        Set<Integer> covered = new HashSet<>();
        for (String id : ids) {
            String[] site = candidateRows.stream().filter(r -> r[0].equals(id)).findFirst().orElseThrow();
            GeoPoint at = new GeoPoint(Double.parseDouble(site[1]), Double.parseDouble(site[2]));
            for (int i = 0; i < demandRows.size(); i++) {
                String[] row = demandRows.get(i);
                if (at.distanceMeters(new GeoPoint(Double.parseDouble(row[1]), Double.parseDouble(row[2]))) <= 500) covered.add(i);
            }
        }
        BigDecimal expected = covered.stream().map(i -> new BigDecimal(demandRows.get(i)[3])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines.get(6)).isEqualTo("covered " + expected.toPlainString());
        assertThat(err()).contains("plan-sites:");
    }

    @Test
    void readsQuotedIdsColumnsInAnyOrderAndDecimalWeights() throws IOException {
        Path d = write("d.csv", "\uFEFFweight,lng,lat,id,note", "1.25,115.0,35.0,\"a,1\",x", "", "2.5,115.001,35.0,b,y", "0.125,116,36,far,z");
        Path c = write("c.csv", "id,lat,lng", "\"site \"\"one\"\"\",35.0,115.0005", "other,36,116");
        int code = run("plan-sites", "--demand=" + d, "--candidates=" + c, "--radius-m=100", "--k=1", "--seconds=1");
        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("site \"one\"\ncovered 3.75\n");
    }

    @Test
    void missingArgumentsAreRejectedWithExitCode2() {
        assertThat(run("plan-sites", "--demand", "d.csv", "--candidates", "c.csv", "--radius-m", "500", "--seconds", "5")).isEqualTo(2);
        assertThat(err()).contains("Missing argument --k").contains("Usage:");
        assertThat(out()).isEmpty();
    }

    @Test
    void badArgumentValuesAreRejected() throws IOException {
        Path d = write("d.csv", "id,lat,lng,weight", "1,35,115,1");
        Path c = write("c.csv", "id,lat,lng", "s,35,115");
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "-5", "--k", "1", "--seconds", "1")).isEqualTo(2);
        assertThat(err()).contains("--radius-m");
        err.reset();
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "zero", "--seconds", "1")).isEqualTo(2);
        assertThat(err()).contains("--k must be a whole number");
        err.reset();
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "1", "--seconds", "1", "--fast")).isEqualTo(2);
        assertThat(err()).contains("Unknown argument: --fast");
        err.reset();
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "1", "--seconds")).isEqualTo(2);
        assertThat(err()).contains("--seconds needs a value");
        assertThat(out()).isEmpty();
    }

    @Test
    void malformedLinesAreNamedByFileAndLine() throws IOException {
        Path c = write("c.csv", "id,lat,lng", "s,35,115");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,115,1", "2,north,115,1"), "d.csv line 3: lat is not a number: “north”");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,115,1", "2,35,115"), "d.csv line 3: expected 4 fields, found 3");
        assertBadDemand(List.of("id,lat,lng,weight", "1,95,115,1"), "d.csv line 2: lat = 95 is outside -90 to 90");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,115,-1"), "d.csv line 2: the weight must be ≥ 0");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,115,2e16"), "d.csv line 2: the weight must be ≥ 0");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,0x1p3,1"), "d.csv line 2: lng is not a number: “0x1p3”");
        assertBadDemand(List.of("id,lat,lng,weight", "1,35,115,NaN"), "d.csv line 2: weight is not a number: “NaN”");
        assertBadDemand(List.of("id,lat,lng", "1,35,115"), "d.csv line 1: the header lacks the column(s) weight");
        assertBadDemand(List.of("id,lat,lng,weight", "\"1,35,115,1"), "d.csv line 2: a quoted field is not closed");
        assertBadDemand(List.of(), "d.csv: the file is empty");
        Path d = write("d.csv", "id,lat,lng,weight", "1,35,115,1");
        write("c.csv", "id,lat,lng", "s,35,115", "s,35.1,115");
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "1", "--seconds", "1")).isEqualTo(2);
        assertThat(err()).contains("c.csv line 3: the id s appears twice");
        err.reset();
        assertThat(run("plan-sites", "--demand", dir.resolve("none.csv").toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "1", "--seconds", "1")).isEqualTo(2);
        assertThat(err()).contains("none.csv: no such file");
        assertThat(out()).isEmpty();
    }

    @Test
    void messagesAreChineseInAChineseLocale() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(run("plan-sites", "--demand", "d.csv")).isEqualTo(2);
        assertThat(err()).contains("缺少参数 --candidates").contains("用法");
    }

    private void assertBadDemand(List<String> lines, String message) throws IOException {
        Path d = write("d.csv", lines.toArray(String[]::new));
        Path c = dir.resolve("c.csv");
        err.reset();
        assertThat(run("plan-sites", "--demand", d.toString(), "--candidates", c.toString(), "--radius-m", "5", "--k", "1", "--seconds", "1"))
                .as(message).isEqualTo(2);
        assertThat(err()).contains(message);
    }

    private int run(String... args) {
        return PlanSitesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines), StandardCharsets.UTF_8);
        return p;
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) rows.add(line.split(","));
        return rows;
    }
}
