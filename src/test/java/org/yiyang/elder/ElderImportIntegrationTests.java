package org.yiyang.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.IntegrationTest;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ElderImportIntegrationTests {

    private static final RequestPostProcessor COUNTY = httpBasic("county", "demo");

    @Autowired
    MockMvc mvc;
    @Autowired
    RegionDirectory regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private long count() {
        return jdbc.sql("select count(*) from elder").query(Long.class).single();
    }

    private ResultActions upload(String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/elders/import").file(new MockMultipartFile("file", fileName, null, content)).with(COUNTY));
    }

    private JsonNode report(String fileName, byte[] content) throws Exception {
        return json.readTree(upload(fileName, content).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode row(JsonNode report, int rowNumber) {
        for (JsonNode r : report.get("details")) {
            if (r.get("row").asInt() == rowNumber) {
                return r;
            }
        }
        throw new AssertionError("no row " + rowNumber + " in " + report);
    }

    @Test
    void aCsvRosterGoesInRowByRowAndASecondImportChangesNothing() throws Exception {
        Region c = ElderFixtures.communityOfFirstCounty(regions);
        String code = c.code().value();
        String a = ElderFixtures.newIdNumber();
        String b = ElderFixtures.newIdNumber();
        String d = ElderFixtures.newIdNumber();
        String wrong = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String csv = "姓名,身份证号,联系电话,社区代码,详细地址,纬度,经度,居住状况,类别,紧急联系人,紧急联系人电话\r\n"
                + "导入甲," + a + ",13811112222、13811113333," + code + ",幸福路1号," + c.centroid().lat() + "," + c.centroid().lng()
                + ",独居,独居、失能,王大,13911112222\r\n"
                + "导入乙," + wrong + ",13811114444," + code + ",幸福路2号,,,,,,\r\n"
                + "导入丙," + ElderFixtures.legacy15(b) + ",," + code + ",\"幸福路3号, 2单元\",,,与子女同住,低保,,\r\n"
                + "导入丁," + d + ",13811115555,410902999999,幸福路4号,,,,,,\r\n"
                + "\r\n"
                + "导入戊," + d + ",abc," + code + ",幸福路5号,,,其他,空巢,李四,\r\n"
                + "导入己," + a + ",," + code + ",幸福路6号,,,,,,\r\n";
        byte[] file = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        long before = count();

        JsonNode first = report("名单.csv", file);
        assertThat(first.get("rows").asInt()).isEqualTo(6);
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("rejected").asInt()).isEqualTo(4);
        assertThat(row(first, 2).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(row(first, 3).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(row(first, 3).get("problems").get(0).get("code").asText()).isEqualTo("idcard.check-digit");
        assertThat(row(first, 3).get("problems").get(0).get("column").asText()).isEqualTo("身份证号");
        assertThat(row(first, 4).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(row(first, 5).get("problems").get(0).get("code").asText()).isEqualTo("elder.community.unknown");
        JsonNode bad = row(first, 7);
        assertThat(bad.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(bad.get("problems").toString()).contains("phone.invalid").contains("联系电话").contains("紧急联系人电话");
        assertThat(row(first, 8).get("problems").get(0).get("code").asText()).isEqualTo("elder.import.duplicate-in-file");
        assertThat(row(first, 8).get("problems").get(0).get("message").asText()).contains("第 2 行");
        assertThat(count()).isEqualTo(before + 2);

        long created = row(first, 2).get("elderId").asLong();
        mvc.perform(get("/api/v1/elders/" + created).with(COUNTY))
                .andExpect(jsonPath("$.phones.length()").value(2))
                .andExpect(jsonPath("$.livingSituation").value("ALONE"))
                .andExpect(jsonPath("$.categories[0]").value("LIVING_ALONE"))
                .andExpect(jsonPath("$.categories[1]").value("DISABLED"))
                .andExpect(jsonPath("$.contacts[0].name").value("王大"));
        mvc.perform(get("/api/v1/elders/" + row(first, 4).get("elderId").asLong()).with(COUNTY))
                .andExpect(jsonPath("$.idNumber").value(b))
                .andExpect(jsonPath("$.addresses[0].address").value("幸福路3号, 2单元"))
                .andExpect(jsonPath("$.livingSituation").value("WITH_CHILDREN"));

        JsonNode second = report("名单.csv", file);
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(second.get("rejected").asInt()).isEqualTo(4);
        assertThat(row(second, 2).get("outcome").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(row(second, 2).get("elderId").asLong()).isEqualTo(created);
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void anXlsxRosterWithEnglishHeadersAndAGbkCsvAreReadToo() throws Exception {
        Region c = ElderFixtures.communityOfFirstCounty(regions);
        String a = ElderFixtures.newIdNumber();
        String b = ElderFixtures.newIdNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        List<String> header = List.of("Name", "ID number", "Phone", "Community code", "Address", "Latitude", "Longitude", "Categories");
        for (int i = 0; i < header.size(); i++) {
            ws.value(0, i, header.get(i));
        }
        Object[][] rows = {
                {"表格甲", a, "13822223333", c.code().value(), "人民路1号", c.centroid().lat(), c.centroid().lng(), "EMPTY_NEST"},
                {"表格乙", b, "13822224444", c.code().value(), "人民路2号", null, null, "空巢,特困"},
                {"表格丙", ElderFixtures.newIdNumber(), "999", c.code().value(), "人民路3号", null, null, ""},
                {"表格丁", ElderFixtures.newIdNumber(), "", ElderFixtures.communityOfSecondCounty(regions).code().value(), "人民路4号", null, null, ""}};
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length; i++) {
                Object v = rows[r][i];
                if (v instanceof Double dbl) ws.value(r + 1, i, dbl);
                else if (v != null) ws.value(r + 1, i, (String) v);
            }
        }
        wb.finish();
        long before = count();
        JsonNode first = report("roster.xlsx", out.toByteArray());
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(row(first, 4).get("problems").get(0).get("code").asText()).isEqualTo("phone.invalid");
        assertThat(row(first, 5).get("problems").get(0).get("code").asText()).isEqualTo("elder.community.out-of-scope");
        assertThat(count()).isEqualTo(before + 2);
        JsonNode second = report("roster.xlsx", out.toByteArray());
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(count()).isEqualTo(before + 2);

        String gbk = "姓名,身份证号,社区代码,详细地址,类别\n国标码," + ElderFixtures.newIdNumber() + "," + c.code().value() + ",胜利路9号,留守\n";
        JsonNode g = report("gbk.csv", gbk.getBytes(Charset.forName("GBK")));
        assertThat(g.get("created").asInt()).isEqualTo(1);
        assertThat(row(g, 2).get("name").asText()).isEqualTo("国标码");
    }

    @Test
    void aBrokenEmptyOrHeaderlessFileIsRefusedAsAWholeAndStoresNothing() throws Exception {
        long before = count();
        upload("roster.xlsx", "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("elder.import.unreadable"));
        upload("roster.pdf", "%PDF-1.7 binary".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("elder.import.unsupported-type"));
        upload("roster.csv", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("elder.import.empty"));
        String c = ElderFixtures.communityOfFirstCounty(regions).code().value();
        upload("roster.csv", ("名字,号码\n张三," + ElderFixtures.newIdNumber() + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("elder.import.missing-columns"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("身份证号")));
        StringBuilder big = new StringBuilder("姓名,身份证号,社区代码,详细地址\n");
        for (int i = 0; i < 50_001; i++) {
            big.append("某").append(',').append(ElderFixtures.newIdNumber()).append(',').append(c).append(",某路\n");
        }
        upload("big.csv", big.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("elder.import.too-many-rows"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyEditorsImport() throws Exception {
        mvc.perform(multipart("/api/v1/elders/import")
                        .file(new MockMultipartFile("file", "a.csv", null, "姓名\n张三\n".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("family", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConsoleImportPageShowsTheReportAndOffersTheTemplate() throws Exception {
        Region c = ElderFixtures.communityOfFirstCounty(regions);
        String csv = "姓名,身份证号,社区代码,详细地址\n页面导入," + ElderFixtures.newIdNumber() + "," + c.code().value() + ",建设路1号\n"
                + "页面错误,123," + c.code().value() + ",建设路2号\n";
        mvc.perform(multipart("/elders/import").file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-rows\"")))
                .andExpect(content().string(containsString("共 2 行：新登记 1 人，已登记（未改动）0 人，有错误 1 行")))
                .andExpect(content().string(containsString("身份证号码应为18位")));
        mvc.perform(multipart("/elders/import").file(new MockMultipartFile("file", "a.doc", null, new byte[]{0, 1, 2}))
                        .with(csrf()).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")));

        byte[] template = mvc.perform(get("/elders/import/template").with(COUNTY))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var header = wb.getFirstSheet().read().getFirst();
            assertThat(header.getCellText(0)).isEqualTo("姓名");
            assertThat(header.getCellText(1)).isEqualTo("身份证号");
            assertThat(header.getCellText(10)).isEqualTo("紧急联系人电话");
        }
        mvc.perform(get("/elders/import").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/elders/import/template")));
    }
}
