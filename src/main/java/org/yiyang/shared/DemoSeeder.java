package org.yiyang.shared;

/**
 * Contributes a module's part of the generated demo city. Seeders run once, on an empty database in
 * demo mode, in ascending {@link #order()}: regions (100), providers (200), elders (300), identity
 * (900, the logins, which point at records the others made).
 */
public interface DemoSeeder {

    int order();

    void seed(DemoSettings settings);
}
