/**
 * The servers and service processes of a bench run, and what they use.
 */
package dev.herald.bench.system;
