/**
 * This service's copy of the fields of published records that alert emails show.
 */
package dev.herald.notify.record;
