/** Persistence conventions the workflows' entities share. */
package io.retailhub.process.platform.persistence;
