/**
 * What every capability shares: the JAX-RS application, the mapping of domain exceptions to RFC
 * 9457 problem documents, configuration converters, the data source and start-up work.
 */
package dev.ft.platform;
