package org.yiyang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every console text exists in Chinese (the default bundle) and in English, key for key. */
class MessageBundleTests {

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties");
        int checked = 0;
        for (Resource zh : bundles) {
            String name = zh.getFilename();
            if (name == null || name.contains("_")) continue;
            Resource en = zh.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as("English bundle for " + name).isTrue();
            Set<String> zhKeys = keys(zh);
            Set<String> enKeys = keys(en);
            Set<String> missingInEn = new TreeSet<>(zhKeys);
            missingInEn.removeAll(enKeys);
            Set<String> missingInZh = new TreeSet<>(enKeys);
            missingInZh.removeAll(zhKeys);
            assertThat(missingInEn).as("keys of " + name + " missing in English").isEmpty();
            assertThat(missingInZh).as("keys of " + name + " missing in Chinese").isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /** MessageFormat treats ' as a quote and drops it from messages with arguments: use ’ instead. */
    @Test
    void noMessageUsesAStraightApostrophe() throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:messages/*.properties")) {
            Properties p = new Properties();
            try (InputStream in = r.getInputStream()) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            p.forEach((k, v) -> assertThat(v.toString()).as(r.getFilename() + " " + k).doesNotContain("'"));
        }
    }

    private static Set<String> keys(Resource r) throws IOException {
        Properties p = new Properties();
        try (InputStream in = r.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
