package org.yiyang.order.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Visit photos on disk, content-addressed by SHA-256 ({@code <dir>/<ab>/<sha256>.<ext>}). A file is
 * written to a temporary name in the same directory, forced to disk, moved atomically into place
 * and the directory forced, so an upload the database records is on disk even after a crash; a
 * crash before the database row leaves at most an unreferenced file.
 */
@Component
class PhotoStore {

    /** A recognised image: its MIME type and file extension. */
    record Kind(String contentType, String extension) {
    }

    record Stored(String sha256, String relativePath, Kind kind) {
    }

    private final Path root;

    PhotoStore(@Value("${yiyang.order.photo-dir:./data/photos}") String dir) {
        this.root = Paths.get(dir).toAbsolutePath().normalize();
    }

    /** JPEG, PNG or WebP by their magic bytes; empty for anything else. */
    static Optional<Kind> detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(new Kind("image/jpeg", "jpg"));
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of(new Kind("image/png", "png"));
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(new Kind("image/webp", "webp"));
        }
        return Optional.empty();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Stored store(byte[] content, Kind kind) {
        String sha = sha256(content);
        String relative = sha.substring(0, 2) + "/" + sha + "." + kind.extension();
        Path target = root.resolve(relative);
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            if (Files.exists(target) && Files.size(target) == content.length) {
                return new Stored(sha, relative, kind);
            }
            Path temp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(content);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            forceDirectory(dir);
            return new Stored(sha, relative, kind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store photo " + relative, e);
        }
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a directory be opened for sync; the file itself is forced
        }
    }
}
