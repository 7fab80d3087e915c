package org.yiyang.shared;

/**
 * Permission names granted with roles (identity decides who gets which), checked by modules
 * without knowing the roles themselves.
 */
public final class Authorities {

    /** May see whole ID numbers and phone numbers on an elder's record page. */
    public static final String PII_VIEW = "PII_VIEW";
    /** May create and edit elders, and import rosters. */
    public static final String ELDER_EDIT = "ELDER_EDIT";
    /** May create and edit providers, facilities, caregivers (within scope). */
    public static final String PROVIDER_EDIT = "PROVIDER_EDIT";
    /** May edit the service catalogue and facility standards (bureau only). */
    public static final String CATALOGUE_EDIT = "CATALOGUE_EDIT";

    /** May fill in, sign and submit ability assessments (评估员). */
    public static final String ASSESS = "ASSESS";

    /** May list candidate sites for new facilities and save and delete site plans in their region (bureau only). */
    public static final String SITE_PLANNING = "SITE_PLANNING";

    /** May create system accounts in their region and issue and revoke their API tokens. */
    public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";

    private Authorities() {
    }
}
