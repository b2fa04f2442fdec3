/**
 * The local run: starting the infrastructure and supervising the services as child
 * processes.
 */
package dev.herald.localstack.run;
