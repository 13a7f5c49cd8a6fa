/**
 * The files themselves: streaming uploads into per-user storage, the catalogue of names, sizes,
 * digests and visibility, and downloads with ranges and validators.
 */
package dev.ft.files;
