package io.github.zohokit.crm;

/**
 * Marks a type that models a whole Zoho response body (such as {@link RecordPage}). Generated clients read such
 * return types from the whole body; any other type is unwrapped from Zoho's envelope — a {@code List} from its
 * first array member ({@code data}, {@code users}, {@code fields}, ...), a single object from that array's first
 * element.
 */
public interface ZohoEnvelope {}
