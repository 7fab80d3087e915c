/**
 * Users, roles and data scope; form login for people, HTTP Basic and bearer tokens for systems;
 * the audit of who opened whose personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.yiyang.identity;
