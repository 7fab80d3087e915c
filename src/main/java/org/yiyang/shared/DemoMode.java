package org.yiyang.shared;

/** Whether the platform runs in demo mode (generated city, demo logins with password "demo"). */
public record DemoMode(boolean enabled) {
}
