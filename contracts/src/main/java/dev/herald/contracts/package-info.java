/**
 * The record contract in code: the one validator every consumer checks record events
 * with, against the JSON Schema this module ships.
 */
package dev.herald.contracts;
