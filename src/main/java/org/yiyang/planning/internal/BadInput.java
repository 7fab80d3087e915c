package org.yiyang.planning.internal;

import java.util.Arrays;

/** Bad input to the plan-sites command: a message key of the planning bundle and its arguments. */
public final class BadInput extends Exception {

    private final String key;
    private final transient Object[] args;

    public BadInput(String key, Object... args) {
        super(key + " " + Arrays.toString(args), null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
