package org.yiyang.provider;

/** Whether an organisation may take work: ACTIVE, SUSPENDED (by the bureau) or CLOSED. */
public enum ProviderStatus {
    ACTIVE, SUSPENDED, CLOSED;

    public String messageKey() {
        return "provider.status." + name();
    }
}
