/**
 * What keeps personal data and secrets out of logs and stored error texts.
 */
package dev.herald.platform.logging;
