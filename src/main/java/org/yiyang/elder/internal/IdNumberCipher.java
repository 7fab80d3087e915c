package org.yiyang.elder.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiyang.shared.DemoMode;

/**
 * Keeps ID numbers secret at rest: AES-256-GCM with a random 96-bit IV per value (stored as
 * IV || ciphertext || tag), and an HMAC-SHA256 of the normalised number for unique lookup. Two keys
 * are derived from the one configured master key ({@code yiyang.crypto.key}, base64 of 32 bytes), so
 * the lookup hash never reveals the encryption key. In demo mode without a key, one is generated
 * once and kept in {@code yiyang.crypto.key-file} (default {@code ./data/crypto.key}); otherwise the
 * platform refuses to start without a key.
 */
@Component
public class IdNumberCipher {

    private static final Logger log = LoggerFactory.getLogger(IdNumberCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @org.springframework.beans.factory.annotation.Autowired
    IdNumberCipher(@Value("${yiyang.crypto.key:}") String configuredKey,
                   @Value("${yiyang.crypto.key-file:./data/crypto.key}") String keyFile, DemoMode demoMode) {
        this(masterKey(configuredKey, Path.of(keyFile), demoMode.enabled()));
    }

    /** For tests and tools: a cipher over a given 32-byte master key. */
    public IdNumberCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalStateException("yiyang.crypto.key must be base64 of exactly 32 bytes, got " + masterKey.length
                    + " bytes. Generate one with: openssl rand -base64 32");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "yiyang id-number encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "yiyang id-number lookup"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public byte[] encrypt(String idNumber) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an ID number", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt an ID number: is yiyang.crypto.key the key the data was written with?", e);
        }
    }

    /** The lookup hash of a normalised (18-character, upper-case) ID number. */
    public byte[] lookupHash(String idNumber) {
        return macs.get().doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] masterKey(String configured, Path keyFile, boolean demo) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "yiyang.crypto.key (YIYANG_CRYPTO_KEY)");
        }
        if (!demo) {
            throw new IllegalStateException("""
                    No key to protect ID numbers at rest. Set the environment variable YIYANG_CRYPTO_KEY \
                    (or the property yiyang.crypto.key) to base64 of 32 random bytes, e.g. \
                    YIYANG_CRYPTO_KEY=$(openssl rand -base64 32), and keep it safe: without it the stored \
                    ID numbers cannot be read.""");
        }
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).trim(), keyFile.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps its default permissions
            }
            log.warn("Demo mode: generated a key for ID numbers in {} (set YIYANG_CRYPTO_KEY outside demo mode)", keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the demo crypto key file " + keyFile.toAbsolutePath(), e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length != 32) {
                throw new IllegalStateException(source + " must be base64 of exactly 32 bytes, got " + key.length
                        + " bytes (generate one with: openssl rand -base64 32)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64; it must be base64 of 32 bytes "
                    + "(generate one with: openssl rand -base64 32)");
        }
    }
}
