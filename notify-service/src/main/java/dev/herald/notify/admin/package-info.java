/**
 * The operators' view of deliveries and subscribers, behind the admin key.
 */
package dev.herald.notify.admin;
