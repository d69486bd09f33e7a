/**
 * <b>Not API: may change in any release.</b> Zoho's documented scopes per CRM operation (the catalogue), the rule
 * that decides whether declared scopes cover a call, and the scope manifest the processor writes; shared by the
 * processor, the runtime's error messages, the Maven plugin and the fake Zoho.
 */
package io.github.zohokit.scope;
