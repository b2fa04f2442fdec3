/**
 * The topic taxonomy that subscribers choose from, read from the contracts'
 * {@code topics.yml}.
 */
package dev.herald.notify.topic;
