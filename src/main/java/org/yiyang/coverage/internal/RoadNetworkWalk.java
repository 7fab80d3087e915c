package org.yiyang.coverage.internal;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.yiyang.shared.GeoPoint;

/**
 * Walking along the road and path network of an OpenStreetMap extract (GraphHopper, a foot profile
 * at the configured walking speed; paths a pedestrian may not use are left out). For each facility
 * one shortest-path tree up to the longest circle (far cheaper than a query per home); each home is
 * snapped once to its nearest walkable edge. A home's time is the walk to the road, along the edge
 * to one of its ends, and on through the tree. A facility or home farther than
 * {@code maxSnapMeters} from any walkable way (or outside the extract) falls back to the straight
 * line × detour factor.
 */
public final class RoadNetworkWalk implements WalkModel, AutoCloseable {

    static final String PROFILE = "walk";

    private final GraphHopper hopper;
    private final BaseGraph graph;
    private final LocationIndex locations;
    private final Weighting weighting;
    private final EdgeFilter snapFilter;
    private final double metersPerSecond;
    private final double maxSnapMeters;
    private final StraightLineWalk fallback;

    /** A home snapped to an edge: the edge, its two ends, how far along it and how far off it. */
    record Place(int edge, int low, int high, double fromLow, double fromHigh, double offRoad) {
    }

    /**
     * Imports the extract into {@code cacheDir} (or loads the graph already imported there).
     *
     * @param speedKmh the walking speed: the profile never walks faster (slower on steps and the like)
     */
    public RoadNetworkWalk(Path osmFile, Path cacheDir, double speedKmh, double detourFactor, double maxSnapMeters) {
        this.metersPerSecond = speedKmh / 3.6;
        this.maxSnapMeters = maxSnapMeters;
        this.fallback = new StraightLineWalk(detourFactor, speedKmh);
        CustomModel model = new CustomModel();
        model.addToPriority(Statement.If("!foot_access", Statement.Op.MULTIPLY, "0"));
        model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, "foot_average_speed"));
        model.addToSpeed(Statement.If("true", Statement.Op.LIMIT, String.format(Locale.ROOT, "%.3f", speedKmh)));
        model.setDistanceInfluence(0d);
        GraphHopper gh = new GraphHopper();
        gh.setOSMFile(osmFile.toString());
        gh.setGraphHopperLocation(cacheDir.toString());
        gh.setEncodedValuesString("foot_access, foot_average_speed");
        gh.setProfiles(new Profile(PROFILE).setCustomModel(model));
        // small extracts (and tests) are single small networks: keep them
        gh.setMinNetworkSize(0);
        gh.importOrLoad();
        this.hopper = gh;
        this.graph = gh.getBaseGraph();
        this.locations = gh.getLocationIndex();
        this.weighting = gh.createWeighting(gh.getProfile(PROFILE), new PMap());
        this.snapFilter = new DefaultSnapFilter(weighting, gh.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE)));
    }

    @Override
    public double maxStraightMeters(double seconds) {
        // the profile never walks faster than the walking speed, and a straight line is never longer than the way
        return seconds * metersPerSecond;
    }

    @Override
    public Origin origin(GeoPoint from, double maxSeconds) {
        Snap snap = locations.findClosest(from.lat(), from.lng(), snapFilter);
        if (!snap.isValid() || snap.getQueryDistance() > maxSnapMeters) {
            return fallback.origin(from, maxSeconds);
        }
        Place start = place(snap);
        double approach = snap.getQueryDistance() / metersPerSecond;
        double budget = maxSeconds - approach;
        if (budget < 0) {
            return (at, place) -> Double.POSITIVE_INFINITY;
        }
        QueryGraph query = QueryGraph.create(graph, snap);
        ShortestPathTree tree = new ShortestPathTree(query, query.wrapWeighting(weighting), false, TraversalMode.NODE_BASED);
        tree.setTimeLimit(budget * 1000);
        int baseNodes = graph.getNodes();
        int[] nodes = new int[64];
        double[] times = new double[64];
        int[] count = {0};
        int[][] nodeRef = {nodes};
        double[][] timeRef = {times};
        tree.search(snap.getClosestNode(), label -> {
            if (label.node >= baseNodes || label.time > budget * 1000) {
                return;
            }
            if (count[0] == nodeRef[0].length) {
                nodeRef[0] = Arrays.copyOf(nodeRef[0], count[0] * 2);
                timeRef[0] = Arrays.copyOf(timeRef[0], count[0] * 2);
            }
            nodeRef[0][count[0]] = label.node;
            timeRef[0][count[0]] = approach + label.time / 1000.0;
            count[0]++;
        });
        return new TreeOrigin(start, approach, maxSeconds, sorted(nodeRef[0], timeRef[0], count[0]),
                fallback.origin(from, maxSeconds));
    }

    @Override
    public Object place(GeoPoint at) {
        Snap snap = locations.findClosest(at.lat(), at.lng(), snapFilter);
        if (!snap.isValid() || snap.getQueryDistance() > maxSnapMeters) {
            return null;
        }
        return place(snap);
    }

    @Override
    public String name() {
        return "road-network";
    }

    /** Walking seconds between two points along the network (for checks and tests), or +∞ beyond {@code maxSeconds}. */
    public double seconds(GeoPoint from, GeoPoint to, double maxSeconds) {
        return origin(from, maxSeconds).seconds(to, place(to));
    }

    @Override
    public void close() {
        hopper.close();
    }

    private Place place(Snap snap) {
        EdgeIteratorState edge = snap.getClosestEdge();
        PointList geometry = edge.fetchWayGeometry(FetchMode.ALL);
        var snapped = snap.getSnappedPoint();
        double along = 0;
        int way = Math.min(snap.getWayIndex(), geometry.size() - 1);
        for (int i = 0; i < way; i++) {
            along += DistanceCalcEarth.DIST_EARTH.calcDist(geometry.getLat(i), geometry.getLon(i),
                    geometry.getLat(i + 1), geometry.getLon(i + 1));
        }
        along += DistanceCalcEarth.DIST_EARTH.calcDist(geometry.getLat(way), geometry.getLon(way), snapped.lat, snapped.lon);
        double total = 0;
        for (int i = 0; i + 1 < geometry.size(); i++) {
            total += DistanceCalcEarth.DIST_EARTH.calcDist(geometry.getLat(i), geometry.getLon(i),
                    geometry.getLat(i + 1), geometry.getLon(i + 1));
        }
        along = Math.min(along, total);
        int base = edge.getBaseNode();
        int adj = edge.getAdjNode();
        // orient by node id, so that two snaps on the same edge compare positions
        return base <= adj
                ? new Place(edge.getEdge(), base, adj, along, total - along, snap.getQueryDistance())
                : new Place(edge.getEdge(), adj, base, total - along, along, snap.getQueryDistance());
    }

    private record Reached(int[] nodes, double[] seconds) {
        double at(int node) {
            int i = Arrays.binarySearch(nodes, node);
            return i < 0 ? Double.POSITIVE_INFINITY : seconds[i];
        }
    }

    private static Reached sorted(int[] nodes, double[] times, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(nodes[a], nodes[b]));
        int[] sn = new int[n];
        double[] st = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int idx = order[i];
            if (k > 0 && sn[k - 1] == nodes[idx]) {
                st[k - 1] = Math.min(st[k - 1], times[idx]);
            } else {
                sn[k] = nodes[idx];
                st[k] = times[idx];
                k++;
            }
        }
        return new Reached(Arrays.copyOf(sn, k), Arrays.copyOf(st, k));
    }

    private final class TreeOrigin implements Origin {
        private final Place start;
        private final double approach;
        private final double maxSeconds;
        private final Reached reached;
        private final Origin offNetwork;

        TreeOrigin(Place start, double approach, double maxSeconds, Reached reached, Origin offNetwork) {
            this.offNetwork = offNetwork;
            this.start = start;
            this.approach = approach;
            this.maxSeconds = maxSeconds;
            this.reached = reached;
        }

        @Override
        public double seconds(GeoPoint at, Object placeObject) {
            if (!(placeObject instanceof Place p)) {
                return offNetwork.seconds(at, null);
            }
            double best = Math.min(reached.at(p.low()) + p.fromLow() / metersPerSecond,
                    reached.at(p.high()) + p.fromHigh() / metersPerSecond);
            if (p.edge() == start.edge()) {
                best = Math.min(best, approach + Math.abs(p.fromLow() - start.fromLow()) / metersPerSecond);
            }
            double s = best + p.offRoad() / metersPerSecond;
            return s <= maxSeconds ? s : Double.POSITIVE_INFINITY;
        }
    }
}
