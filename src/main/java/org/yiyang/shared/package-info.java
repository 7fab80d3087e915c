/**
 * Value types, errors and web infrastructure that every module may use. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.yiyang.shared;
