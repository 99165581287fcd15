/**
 * What the process API's list endpoints share: bounded pages ({@link io.retailhub.process.platform.web.Paging}).
 */
package io.retailhub.process.platform.web;
