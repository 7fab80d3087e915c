/**
 * The division tree (行政区划): city → county → street/town → community/village, keyed by
 * 12-digit statistical division codes, with names and centroids; roll-up for "1+6" platforms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package org.yiyang.region;
