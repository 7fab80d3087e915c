package org.yiyang.order;

/** How the order came in: the hotline, a family member, the elder, another system, a provider. */
public enum OrderChannel {
    HOTLINE, FAMILY, ELDER, API, PROVIDER
}
