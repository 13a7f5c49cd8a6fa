/**
 * Share links: one file handed to someone without an account, until the link expires, is revoked,
 * is used up or its file goes; the page and download a stranger uses, and the owner's and admins'
 * API to make, list and revoke links.
 */
package dev.ft.links;
