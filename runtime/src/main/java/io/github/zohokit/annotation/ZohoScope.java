package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Zoho OAuth scopes a call needs, for example {@code ZohoCRM.modules.leads.READ}.
 *
 * <p>On an interface it is the default of every method; on a method it <em>replaces</em> the interface's default
 * for that method (so a {@code READ} interface can have one {@code CREATE} method). Every method must have
 * scopes in effect from one or the other.
 *
 * <p>The annotation processor checks each scope's form and, for every call zohokit's scope catalogue knows (Zoho's
 * documented scopes for Zoho CRM v8, see {@link io.github.zohokit.scope.ScopeCatalogue}), that the declared scopes
 * cover it; it also writes every scope to {@code META-INF/zoho/scopes.json}, which the Maven plugin uses to request
 * exactly these scopes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ZohoScope {
  /**
   * One or more scopes, each {@code Service.scope_name.OPERATION}.
   *
   * @return the scopes, at least one; the processor reports a malformed or missing one as a compile error
   */
  String[] value();
}
