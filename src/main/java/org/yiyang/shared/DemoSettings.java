package org.yiyang.shared;

import java.util.Random;

/**
 * How big the demo city is and the seed that makes it reproducible. The default city has 20,000
 * elders; the large one (for benchmarks, {@code yiyang.demo.size=large}) 300,000.
 */
public record DemoSettings(long seed, Size size) {

    public enum Size {
        DEFAULT(20_000), LARGE(300_000);

        private final int elders;

        Size(int elders) {
            this.elders = elders;
        }

        public int elders() {
            return elders;
        }
    }

    /** A random source for one module, independent of the order in which modules draw. */
    public Random random(String module) {
        return new Random(seed * 31 + module.hashCode());
    }
}
