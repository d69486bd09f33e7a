/**
 * <b>Service provider interface:</b> what a token store implements ({@link io.github.zohokit.spi.TokenStore}, its
 * versioned {@link io.github.zohokit.spi.StoredToken} and the cross-process
 * {@link io.github.zohokit.spi.RefreshLease}). Applications pick a store from
 * {@link io.github.zohokit.store.TokenStores}; implement this only for a storage zohokit does not ship.
 */
package io.github.zohokit.spi;
