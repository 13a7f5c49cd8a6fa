/** The audit trail: who uploaded, downloaded, shared, deleted or changed what, and when. */
package dev.ft.audit;
