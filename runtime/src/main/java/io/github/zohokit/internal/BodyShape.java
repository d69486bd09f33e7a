package io.github.zohokit.internal;

/** How a generated client reads a response body into its return type; decided at compile time. */
public enum BodyShape {
  /** The whole body is the value: a {@link io.github.zohokit.crm.ZohoEnvelope}, a {@code JsonNode}, a map. */
  WHOLE,
  /** The body's first array member ({@code data}, {@code users}, ...) is the value: a {@code List}. */
  LIST,
  /** The first element of the body's first array member is the value: one record, user, org. */
  SINGLE,
  /** The body text is the value. */
  TEXT
}
