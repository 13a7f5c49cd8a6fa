/**
 * Who may do what: registration, passwords (BCrypt), bearer tokens, login throttling and the
 * Jakarta Security identity stores and authentication mechanism that check them.
 */
package dev.ft.accounts;
