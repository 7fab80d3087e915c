package org.yiyang.elder;

import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * The elder registry. Every method takes the caller's {@link DataScope} and applies it in SQL:
 * a {@link DataScope.Region} sees the elders whose community lies in its subtree, a
 * {@link DataScope.Elder} (a family member) sees that one elder; {@link DataScope.Provider},
 * {@link DataScope.Caregiver} and {@link DataScope.None} see no elders yet (issue 3 adds the
 * elders a provider serves). An elder outside the scope is {@code elder.not-found} (404), exactly
 * like an absent one. Bad input is an {@link org.yiyang.shared.InputRejectedException} with every
 * field error; nothing is half-written.
 */
public interface ElderRegistry {

    /** Elders matching the query within the scope, ordered by name; numbers masked. */
    PageResult<ElderSummary> search(DataScope scope, ElderQuery query, PageQuery page);

    /**
     * Opens an elder's full record for a person and writes the personal-data audit entry ("view").
     * With {@code revealPersonalData} the ID number and phones are whole.
     */
    ElderRecord open(DataScope scope, long id, boolean revealPersonalData);

    /** The record without an audit entry and with numbers masked (for confirmations and forms). */
    ElderRecord find(DataScope scope, long id);

    /** Registers an elder; the primary address's community must be within the scope. Returns the id. */
    long register(DataScope scope, ElderInput input);

    /** Replaces the elder's details (addresses and contacts too); an empty ID number keeps the stored one. */
    void update(DataScope scope, long id, ElderInput input);

    /** Changes the status and appends it to the history ({@code elder.status.not-allowed} 409 if it cannot). */
    void changeStatus(DataScope scope, long id, StatusChange change);

    /**
     * Imports a roster (csv in UTF-8 or GBK, or xlsx). Valid rows are registered, rows whose ID
     * number is already registered are left as they are, each bad row is reported. A file that is
     * too big, empty, unreadable or lacks the required columns is refused as a whole.
     */
    ImportReport importRoster(DataScope scope, String fileName, byte[] content);

    /** The xlsx template for {@link #importRoster}: the header row and a sheet of instructions. */
    byte[] importTemplate(java.util.Locale locale);

    /**
     * The active elders in scope whom a caller's number belongs to: their own number or one of
     * their contacts', own numbers first, at most {@code limit}. A number that is not a phone
     * number finds nobody.
     */
    java.util.List<CallerMatch> findByCaller(DataScope scope, String phone, int limit);

    /**
     * As {@link #find}, without the contacts and the status history (empty): what placing an
     * order needs (name, status, region, addresses), in two queries instead of four.
     */
    ElderRecord findForService(DataScope scope, long id);
}
