/**
 * <b>Service provider interface:</b> what a token store implements ({@link io.github.zohokit.spi.TokenStore}, its
 * versioned {@link io.github.zohokit.spi.StoredToken} and the cross-process
 * {@link io.github.zohokit.spi.RefreshLease}). Applications pick a store from
 * {@link io.github.zohokit.store.TokenStores}; implement this only for a storage zohokit does not ship. Beside it:
 * the API-limits governor's {@link io.github.zohokit.spi.LimitsLedger}, which zohokit's stores implement, and
 * {@link io.github.zohokit.spi.JdbcTransactions}, the short transaction every JDBC store of zohokit's modules runs.
 */
package io.github.zohokit.spi;
