package org.yiyang.coverage;

import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * The candidate sites a bureau lists for new facilities (候选选址). Every read and write is scoped to
 * the caller's region in SQL: a site outside it is {@code coverage.site.not-found} (404), like one
 * that does not exist. Writes need {@link org.yiyang.shared.Authorities#SITE_PLANNING}.
 */
public interface CandidateSites {

    /** At most this many lines in one CSV import. */
    int MAX_IMPORT_LINES = 5_000;

    /**
     * @param q      part of the name or address (blank: any)
     * @param region a region code (or its leading digits) within the scope (blank: the whole scope)
     */
    PageResult<ListedSite> search(DataScope scope, String q, String region, PageQuery page);

    ListedSite get(DataScope scope, long id);

    long create(DataScope scope, ListedSiteDraft draft);

    void update(DataScope scope, long id, ListedSiteDraft draft);

    void delete(DataScope scope, long id);

    /**
     * Lines {@code name,address,lat,lng,region[,note]} (a header line is skipped; UTF-8, with or
     * without BOM, or GB18030 as saved by Excel): all are stored, or — if any line is bad — none.
     */
    CandidateImport importCsv(DataScope scope, byte[] content);

    /** Whether the caller may list, change and remove sites (and save and delete plans). */
    boolean mayEdit();
}
