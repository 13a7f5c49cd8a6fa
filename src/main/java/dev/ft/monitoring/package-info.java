/**
 * What an operator watches: one access-log line per request, with no secret in it, and the metrics
 * on {@code /metrics}.
 */
package dev.ft.monitoring;
