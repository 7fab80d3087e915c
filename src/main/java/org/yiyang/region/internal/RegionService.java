package org.yiyang.region.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * The division tree, held in memory: a city has a few hundred to a few thousand divisions, read on
 * nearly every request and changed about once a year. Writes go through here and reload the tree.
 */
@Service
class RegionService implements RegionDirectory {

    private final RegionRepository repository;
    private volatile Tree tree;

    RegionService(RegionRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(tree().byCode.get(code));
    }

    @Override
    public List<Region> children(RegionCode code) {
        return tree().children.getOrDefault(code, List.of());
    }

    @Override
    public List<Region> ofLevel(RegionLevel level) {
        return tree().byLevel.getOrDefault(level, List.of());
    }

    @Override
    public List<Region> path(RegionCode code) {
        List<Region> path = new ArrayList<>();
        Region r = tree().byCode.get(code);
        while (r != null) {
            path.add(r);
            r = r.parentCode() == null ? null : tree().byCode.get(r.parentCode());
        }
        Collections.reverse(path);
        return path;
    }

    /** Adds divisions (parents before children) and reloads the tree. */
    @Transactional
    public void addAll(List<Region> regions) {
        repository.insertAll(regions);
        tree = null;
    }

    private Tree tree() {
        Tree t = tree;
        if (t == null || t.byCode.isEmpty()) {
            t = new Tree(repository.findAllValid());
            tree = t;
        }
        return t;
    }

    private static final class Tree {
        final Map<RegionCode, Region> byCode = new LinkedHashMap<>();
        final Map<RegionCode, List<Region>> children = new LinkedHashMap<>();
        final Map<RegionLevel, List<Region>> byLevel = new LinkedHashMap<>();

        Tree(List<Region> all) {
            for (Region r : all) {
                byCode.put(r.code(), r);
                if (r.parentCode() != null) {
                    children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
                }
                byLevel.computeIfAbsent(r.level(), k -> new ArrayList<>()).add(r);
            }
            children.replaceAll((k, v) -> List.copyOf(v));
            byLevel.replaceAll((k, v) -> List.copyOf(v));
        }
    }
}
