package org.yiyang.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTests {

    @TempDir
    Path cache;

    @Test
    void librariesAreUnpackedOnceAndReused() throws Exception {
        Path dir = NativeLibraries.unpacked(cache);
        Path jni = dir.resolve(System.mapLibraryName("jniortools"));
        assertThat(jni).isRegularFile();
        assertThat(dir.getParent().getFileName().toString()).isEqualTo("ortools-9.15.6755");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("scip")).count()).isPositive();
        }
        FileTime unpackedAt = Files.getLastModifiedTime(jni);
        Thread.sleep(20);
        assertThat(NativeLibraries.unpacked(cache)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(jni)).isEqualTo(unpackedAt);
        try (var left = Files.list(dir.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging directory is left behind").containsExactly(dir.getFileName().toString());
        }
    }
}
