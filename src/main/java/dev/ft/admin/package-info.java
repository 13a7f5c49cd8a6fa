/** The administrators' API: every user, every file, roles and the audit trail. */
package dev.ft.admin;
