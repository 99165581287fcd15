/** Plumbing shared by the platform's packages; not for use by the domain. */
package io.retailhub.process.platform.internal;
