/**
 * Composing emails from Thymeleaf templates, with safe headers, and sending them over
 * reused SMTP connections.
 */
package dev.herald.notify.mail;
