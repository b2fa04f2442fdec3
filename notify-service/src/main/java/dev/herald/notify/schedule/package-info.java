/**
 * When each alert goes: a subscriber's frequency, delivery time, time zone and quiet
 * hours turned into the email, and the moment, that carries a matched record.
 */
package dev.herald.notify.schedule;
