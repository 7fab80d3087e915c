package org.yiyang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An upload over the limit is refused before it is read, with a clear answer, over real HTTP. */
@IntegrationTest
class UploadLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> postOversized(String path, String language) throws Exception {
        byte[] body = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("city:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswers413AsAProblem() throws Exception {
        long before = jdbc.sql("select count(*) from elder").query(Long.class).single();
        HttpResponse<String> response = postOversized("/api/v1/elders/import", "en");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"request.too-large\"");
        assertThat(jdbc.sql("select count(*) from elder").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theConsoleShowsTheTooLargePage() throws Exception {
        HttpResponse<String> response = postOversized("/elders/import", "zh-CN");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("文件太大").contains("10 MB");
    }
}
