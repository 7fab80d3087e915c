package org.yiyang.coverage;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;
import org.yiyang.shared.GeoPoint;

/**
 * Writes a small OpenStreetMap extract in the PBF format (a header block and one data block of
 * plain nodes and ways, zlib-compressed), so that road-network tests build their own map instead
 * of carrying a binary file.
 */
final class TinyOsmPbf {

    private final List<long[]> nodeIds = new ArrayList<>();
    private final Map<Long, GeoPoint> nodes = new LinkedHashMap<>();
    private final List<Way> ways = new ArrayList<>();
    private long nextNode = 1;
    private long nextWay = 1;

    private record Way(long id, List<Long> refs, Map<String, String> tags) {
    }

    /** Adds a way through these points (a node per point) with the tag highway=…; returns its node ids. */
    List<Long> way(String highway, GeoPoint... points) {
        List<Long> refs = new ArrayList<>();
        for (GeoPoint p : points) {
            long id = nextNode++;
            nodes.put(id, p);
            refs.add(id);
        }
        ways.add(new Way(nextWay++, refs, Map.of("highway", highway)));
        return refs;
    }

    /** Adds a way over existing nodes (to join ways at a crossing). */
    void wayThrough(String highway, List<Long> refs) {
        ways.add(new Way(nextWay++, List.copyOf(refs), Map.of("highway", highway)));
    }

    void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                    .addRequiredFeatures("OsmSchema-V0.6").setWritingprogram("yiyang-test").build();
            blob(out, "OSMHeader", header.toByteString());

            List<String> strings = new ArrayList<>(List.of(""));
            Map<String, Integer> index = new HashMap<>();
            Osmformat.PrimitiveGroup.Builder nodeGroup = Osmformat.PrimitiveGroup.newBuilder();
            nodes.forEach((id, p) -> nodeGroup.addNodes(Osmformat.Node.newBuilder().setId(id)
                    .setLat(Math.round(p.lat() * 1e7)).setLon(Math.round(p.lng() * 1e7))));
            Osmformat.PrimitiveGroup.Builder wayGroup = Osmformat.PrimitiveGroup.newBuilder();
            for (Way w : ways) {
                Osmformat.Way.Builder b = Osmformat.Way.newBuilder().setId(w.id());
                w.tags().forEach((k, v) -> {
                    b.addKeys(string(k, strings, index));
                    b.addVals(string(v, strings, index));
                });
                long previous = 0;
                for (long ref : w.refs()) {
                    b.addRefs(ref - previous); // delta coded
                    previous = ref;
                }
                wayGroup.addWays(b);
            }
            Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
            strings.forEach(s -> table.addS(ByteString.copyFromUtf8(s)));
            Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(table)
                    .setGranularity(100).addPrimitivegroup(nodeGroup).addPrimitivegroup(wayGroup).build();
            blob(out, "OSMData", block.toByteString());
        }
    }

    private static int string(String s, List<String> strings, Map<String, Integer> index) {
        return index.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static void blob(DataOutputStream out, String type, ByteString data) throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(data.toByteArray());
        deflater.finish();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            zipped.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        Fileformat.Blob blob = Fileformat.Blob.newBuilder().setRawSize(data.size())
                .setZlibData(ByteString.copyFrom(zipped.toByteArray())).build();
        Fileformat.BlobHeader header = Fileformat.BlobHeader.newBuilder().setType(type)
                .setDatasize(blob.getSerializedSize()).build();
        out.writeInt(header.getSerializedSize());
        header.writeTo(out);
        blob.writeTo(out);
    }
}
