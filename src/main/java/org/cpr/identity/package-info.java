/**
 * Identity and access: org units (institution → school/hospital → department → training
 * program), people with their trainee type and level, roles scoped to org units, sign-in
 * with MFA, personal access tokens and roster import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access", allowedDependencies = "shared")
package org.cpr.identity;
