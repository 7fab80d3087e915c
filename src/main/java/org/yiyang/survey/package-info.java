/**
 * Needs survey (老年人需求调查): a bureau defines a questionnaire for its region (single and multiple
 * choice, a 1–5 scale, free text; each question required or not) and publishes it, after which
 * its questions are frozen (a change is a new version). Operators answer it for elders over the
 * phone, families on the large-font page; one current response per elder and questionnaire (a
 * second one replaces the first, which is kept as history). Results count and share each option,
 * filtered by region and elder category, and broken down by child region or by category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Needs survey",
        allowedDependencies = {"shared", "region", "identity", "elder"})
package org.yiyang.survey;
