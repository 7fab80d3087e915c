package org.yiyang.planning.internal;

import com.google.ortools.Loader;
import com.sun.jna.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads OR-Tools' native libraries. OR-Tools' own loader unpacks ~70 MB into a new temporary
 * directory on every start and leaves it there when the JVM halts; here they are unpacked once
 * into {@code ~/.cache/yiyang/ortools-<version>/<platform>} (or {@code yiyang.native-cache}) and
 * loaded from there by every later run. On Windows, or if the cache cannot be written, OR-Tools'
 * loader is used as is.
 */
final class NativeLibraries {

    private NativeLibraries() {
    }

    static void load() {
        if (Platform.isWindows()) {
            Loader.loadNativeLibraries();
            return;
        }
        Path dir;
        try {
            String base = System.getProperty("yiyang.native-cache",
                    Path.of(System.getProperty("user.home"), ".cache", "yiyang").toString());
            dir = unpacked(Path.of(base));
        } catch (IOException | RuntimeException e) {
            Loader.loadNativeLibraries();
            return;
        }
        System.load(dir.resolve(System.mapLibraryName("jniortools")).toAbsolutePath().toString());
    }

    /** The directory holding the unpacked libraries under {@code base}, unpacking them if needed. */
    static Path unpacked(Path base) throws IOException {
        String folder = "ortools-" + Platform.RESOURCE_PREFIX;
        URL resource = NativeLibraries.class.getClassLoader().getResource(folder + "/");
        if (resource == null) throw new IOException("no native resources " + folder + " on the class path");
        Matcher v = Pattern.compile("(\\d+\\.\\d+\\.\\d+)\\.jar!").matcher(resource.toString());
        String version = v.find() ? v.group(1) : Integer.toHexString(resource.toString().hashCode());
        Path target = base.resolve("ortools-" + version).resolve(Platform.RESOURCE_PREFIX);
        if (Files.isRegularFile(target.resolve(System.mapLibraryName("jniortools")))) return target;

        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "unpacking-");
        try {
            URI uri = URI.create(resource.toString());
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                copyAll(fs.provider().getPath(uri), staging);
            } else {
                copyAll(Path.of(uri), staging);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another process got there first (or cannot move atomically): use what is there
                if (!Files.isRegularFile(target.resolve(System.mapLibraryName("jniortools")))) throw e;
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve(System.mapLibraryName("jniortools")))) throw e;
            }
        } finally {
            deleteQuietly(staging);
        }
        return target;
    }

    private static void copyAll(Path source, Path destination) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, destination.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover staging directory is harmless
        }
    }
}
