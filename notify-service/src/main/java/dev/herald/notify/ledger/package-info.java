/**
 * The delivery ledger: one entry per record and subscriber (what matched, and what became
 * of it), and the outbox of emails still to send (the schedule), which senders claim.
 */
package dev.herald.notify.ledger;
