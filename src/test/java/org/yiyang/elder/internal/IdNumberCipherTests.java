package org.yiyang.elder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdNumberCipherTests {

    private final IdNumberCipher cipher = new IdNumberCipher(new byte[32]);

    @Test
    void anIdNumberEncryptsDifferentlyEachTimeAndDecryptsBack() {
        byte[] a = cipher.encrypt("11010519491231002X");
        byte[] b = cipher.encrypt("11010519491231002X");
        assertThat(a).isNotEqualTo(b);
        assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("19491231");
        assertThat(cipher.decrypt(a)).isEqualTo("11010519491231002X");
        assertThat(cipher.decrypt(b)).isEqualTo("11010519491231002X");
    }

    @Test
    void theLookupHashIsStableAndDependsOnTheKey() {
        assertThat(cipher.lookupHash("11010519491231002X")).isEqualTo(cipher.lookupHash("11010519491231002X"));
        assertThat(cipher.lookupHash("11010519491231002X")).isNotEqualTo(cipher.lookupHash("440524188001010014"));
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 1);
        assertThat(new IdNumberCipher(other).lookupHash("11010519491231002X")).isNotEqualTo(cipher.lookupHash("11010519491231002X"));
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        byte[] sealed = cipher.encrypt("11010519491231002X");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyOutsideDemoModeStartingFailsSayingHowToSetOne(@TempDir Path dir) {
        assertThatThrownBy(() -> IdNumberCipher.masterKey("", dir.resolve("crypto.key"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("YIYANG_CRYPTO_KEY");
        assertThatThrownBy(() -> IdNumberCipher.masterKey("c2hvcnQ=", dir.resolve("crypto.key"), false))
                .satisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void inDemoModeAKeyIsGeneratedOnceAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/crypto.key");
        byte[] first = IdNumberCipher.masterKey("", file, true);
        assertThat(first).hasSize(32);
        assertThat(Files.exists(file)).isTrue();
        assertThat(IdNumberCipher.masterKey(null, file, true)).isEqualTo(first);
    }
}
