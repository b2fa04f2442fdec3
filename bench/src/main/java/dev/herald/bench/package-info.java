/**
 * Herald's benchmark: each figure measured beside its raw baseline in the same run.
 */
package dev.herald.bench;
