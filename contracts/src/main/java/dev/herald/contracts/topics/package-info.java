/**
 * The topic taxonomy of the contract, read once for every service.
 */
package dev.herald.contracts.topics;
